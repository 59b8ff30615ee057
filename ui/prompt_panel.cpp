#include "ui/prompt_panel.h"

#include "core/zoom/keyframe_shapes.h"
#include "ui/slider_spin.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace droste::ui {

namespace {

// A form label whose mnemonic ("&Steps") focuses its field. Without a buddy QLabel shows the "&" itself.
QLabel* buddyLabel(QWidget* field) {
  auto* label = new QLabel(field->parentWidget());
  label->setBuddy(field);
  return label;
}

QPlainTextEdit* promptEditor(int lines, QWidget* parent) {
  auto* edit = new QPlainTextEdit(parent);
  edit->setTabChangesFocus(true);
  const int lineHeight = edit->fontMetrics().lineSpacing();
  edit->setMinimumHeight(lineHeight * lines + 12);
  edit->setMaximumHeight(lineHeight * (lines + 3) + 12);
  return edit;
}
}  // namespace

PromptPanel::PromptPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("PromptPanel"));
  auto* column = new QVBoxLayout(this);
  column->addWidget(buildPromptGroup());
  column->addWidget(buildModelGroup());
  column->addWidget(buildZoomGroup());
  column->addStretch(1);

  setSchedulers({});
  texts_.add([this] {
    setMethods({{QStringLiteral("direct"), tr("Direct (all sides at once)")},
                {QStringLiteral("sequential"), tr("Sequential (one side at a time)")}});
    // Ids are the project file's names (core/zoom/zoom_types.cpp).
    setPaddings({{QStringLiteral("symmetric"), tr("Mirror (default)")},
                 {QStringLiteral("reflect"), tr("Mirror, skipping the edge")},
                 {QStringLiteral("edge"), tr("Stretch the edge pixels")},
                 {QStringLiteral("blurred-stretch"), tr("Blurred stretch")},
                 {QStringLiteral("black"), tr("Black")}});
    scheduler_->setItemText(0, tr("Model default"));
    retranslateShapesAndSizes();
    lock_->setText(lock_->isChecked() ? tr("Locked") : tr("Lock"));
  });
  wire();
  setValues(PanelValues{});  // the controls start at the usual values, not at their minimum
}

QWidget* PromptPanel::buildPromptGroup() {
  auto* group = new QGroupBox(this);
  auto* layout = new QVBoxLayout(group);
  prompt_ = promptEditor(4, group);
  prompt_->setObjectName(QStringLiteral("prompt"));
  negative_ = promptEditor(2, group);
  negative_->setObjectName(QStringLiteral("negativePrompt"));
  auto* promptLabel = new QLabel(group);
  promptLabel->setBuddy(prompt_);
  auto* negativeLabel = new QLabel(group);
  negativeLabel->setBuddy(negative_);
  texts_.add([=, this] {
    group->setTitle(tr("What to paint"));
    prompt_->setPlaceholderText(tr("Describe the picture, e.g. \"a cosy library inside a seashell, warm light, "
                                   "highly detailed\""));
    prompt_->setToolTip(tr("The prompt: what every new keyframe should show. Keyframes you regenerate "
                           "later use the prompt that is here then, unless they have their own."));
    negative_->setPlaceholderText(tr("What to avoid, e.g. \"blurry, text, watermark\""));
    negative_->setToolTip(tr("The negative prompt: things the painter should steer away from."));
    promptLabel->setText(tr("&Prompt"));
    negativeLabel->setText(tr("&Negative prompt"));
  });
  layout->addWidget(promptLabel);
  layout->addWidget(prompt_);
  layout->addWidget(negativeLabel);
  layout->addWidget(negative_);
  return group;
}

QWidget* PromptPanel::buildModelGroup() {
  // Labels and tooltips get their texts in texts_.add() at the end (again on a language change).
  auto* group = new QGroupBox(this);
  auto* form = new QFormLayout(group);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

  model_ = new QComboBox(group);
  model_->setObjectName(QStringLiteral("model"));
  browseModel_ = new QToolButton(group);
  auto* modelRow = new QHBoxLayout;
  modelRow->addWidget(model_, 1);
  modelRow->addWidget(browseModel_);
  form->addRow(new QLabel(group), modelRow);
  auto* modelLabel = qobject_cast<QLabel*>(form->labelForField(modelRow));
  modelLabel->setBuddy(model_);

  scheduler_ = new QComboBox(group);
  scheduler_->setObjectName(QStringLiteral("scheduler"));
  form->addRow(buddyLabel(scheduler_), scheduler_);

  steps_ = new SliderSpin(1, 150, 1, 0, group);
  steps_->setObjectName(QStringLiteral("steps"));
  form->addRow(buddyLabel(steps_), steps_);

  guidance_ = new SliderSpin(1, 20, 0.5, 1, group);
  guidance_->setObjectName(QStringLiteral("guidance"));
  form->addRow(buddyLabel(guidance_), guidance_);

  seed_ = new QLineEdit(group);
  seed_->setObjectName(QStringLiteral("seed"));
  seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), seed_));
  dice_ = new QToolButton(group);
  dice_->setObjectName(QStringLiteral("dice"));
  lock_ = new QToolButton(group);
  lock_->setObjectName(QStringLiteral("seedLock"));
  lock_->setCheckable(true);
  auto* seedRow = new QHBoxLayout;
  seedRow->addWidget(seed_, 1);
  seedRow->addWidget(dice_);
  seedRow->addWidget(lock_);
  form->addRow(new QLabel(group), seedRow);
  qobject_cast<QLabel*>(form->labelForField(seedRow))->setBuddy(seed_);
  auto label = [form](QWidget* field) { return qobject_cast<QLabel*>(form->labelForField(field)); };
  auto labelOf = [form](QLayout* field) { return qobject_cast<QLabel*>(form->labelForField(field)); };
  texts_.add([=, this] {
    group->setTitle(tr("Painter"));
    model_->setToolTip(tr("The Stable Diffusion inpainting model that paints the keyframes. "
                          "\"Draft painter\" needs no model: it paints quick placeholder shapes."));
    browseModel_->setText(tr("Browse…"));
    browseModel_->setToolTip(tr("Choose a model folder (diffusers layout) or a single .safetensors file."));
    modelLabel->setText(tr("&Model"));
    scheduler_->setToolTip(tr("The sampler that removes the noise step by step. "
                              "\"Model default\" uses the one the model ships with."));
    label(scheduler_)->setText(tr("S&ampler"));
    steps_->setToolTip(tr("Denoising steps per keyframe. More steps: finer detail, slower. 20–30 is usual."));
    label(steps_)->setText(tr("&Steps"));
    guidance_->setToolTip(tr("Guidance (CFG): how strictly the picture follows the prompt. "
                             "Low: freer and softer; high: literal and harsher. 7–8 is usual."));
    label(guidance_)->setText(tr("&Guidance (CFG)"));
    seed_->setToolTip(tr("The seed picks the starting noise: the same seed and settings paint the same picture."));
    dice_->setText(tr("Random"));
    dice_->setToolTip(tr("Roll a new random seed"));
    lock_->setToolTip(tr("Locked: every new keyframe uses this seed. Unlocked: each new keyframe rolls its own."));
    labelOf(seedRow)->setText(tr("See&d"));
  });
  return group;
}

QWidget* PromptPanel::buildZoomGroup() {
  // Labels and tooltips get their texts in texts_.add() at the end (again on a language change).
  auto* group = new QGroupBox(this);
  auto* form = new QFormLayout(group);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

  shape_ = new QComboBox(group);
  shape_->setObjectName(QStringLiteral("keyframeShape"));
  for (const zoom::KeyframeShape& shape : zoom::keyframeShapes()) shape_->addItem(shape.id(), shape.id());
  form->addRow(buddyLabel(shape_), shape_);

  keyframeSize_ = new QComboBox(group);
  keyframeSize_->setObjectName(QStringLiteral("keyframeSize"));
  form->addRow(buddyLabel(keyframeSize_), keyframeSize_);

  outpaint_ = new SliderSpin(8, 384, 8, 0, group);
  outpaint_->setObjectName(QStringLiteral("outpaint"));
  form->addRow(buddyLabel(outpaint_), outpaint_);

  method_ = new QComboBox(group);
  method_->setObjectName(QStringLiteral("method"));
  form->addRow(buddyLabel(method_), method_);

  padding_ = new QComboBox(group);
  padding_->setObjectName(QStringLiteral("padding"));
  form->addRow(buddyLabel(padding_), padding_);

  keyframesToAdd_ = new QSpinBox(group);
  keyframesToAdd_->setObjectName(QStringLiteral("keyframesToAdd"));
  keyframesToAdd_->setRange(1, 100);
  form->addRow(buddyLabel(keyframesToAdd_), keyframesToAdd_);
  auto label = [form](QWidget* field) { return qobject_cast<QLabel*>(form->labelForField(field)); };
  texts_.add([=, this] {
    group->setTitle(tr("Zoom"));
    shape_->setToolTip(tr("The shape of the keyframes and of the video: square, landscape for wide screens, "
                          "portrait for phones. Every shape is painted in full, not cropped."));
    label(shape_)->setText(tr("Aspect &ratio"));
    keyframeSize_->setToolTip(tr("The size each keyframe is painted at. SD 1.x/2.x inpainting models work best "
                                 "near 512 px, SDXL near 1024. Larger is slower."));
    label(keyframeSize_)->setText(tr("&Keyframe size"));
    outpaint_->setSuffix(tr(" px"));
    outpaint_->setToolTip(tr("Outpaint ring: how much new picture is painted around the previous keyframe on "
                             "each long side; the short sides get a ring in proportion, so both zoom alike "
                             "(on wide and tall keyframes only some widths allow that: the nearest is used). "
                             "Wider: faster zoom, fewer keyframes, but less continuity."));
    label(outpaint_)->setText(tr("&Outpaint ring"));
    method_->setToolTip(tr("Direct paints the whole ring in one go. Sequential paints one side at a time, "
                           "which joins better but takes four times as long."));
    label(method_)->setText(tr("M&ethod"));
    padding_->setToolTip(tr("What fills the empty ring before it is painted. It guides colours and "
                            "composition at the seam."));
    label(padding_)->setText(tr("&Padding"));
    keyframesToAdd_->setToolTip(tr("How many keyframes \"Add keyframes\" paints, one zoom step out each."));
    label(keyframesToAdd_)->setText(tr("Keyframes to &add"));
  });
  return group;
}

void PromptPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) texts_.retranslate();
  QWidget::changeEvent(event);
}

void PromptPanel::wire() {
  auto notify = [this](const char* field) {
    return [this, field] {
      if (!updating_) Q_EMIT edited(QString::fromLatin1(field));
    };
  };
  connect(prompt_, &QPlainTextEdit::textChanged, this, notify("prompt"));
  connect(negative_, &QPlainTextEdit::textChanged, this, notify("negativePrompt"));
  connect(model_, &QComboBox::activated, this, notify("model"));
  connect(scheduler_, &QComboBox::activated, this, notify("scheduler"));
  connect(steps_, &SliderSpin::valueChanged, this, notify("steps"));
  connect(guidance_, &SliderSpin::valueChanged, this, notify("guidance"));
  connect(seed_, &QLineEdit::editingFinished, this, notify("seed"));
  connect(lock_, &QToolButton::toggled, this, notify("seedLocked"));
  connect(keyframeSize_, &QComboBox::activated, this, notify("keyframeSize"));
  connect(shape_, &QComboBox::activated, this, [this, notify] {
    fillSizes(keyframeSize_->currentData().toSize());  // the new shape at about the same size
    notify("keyframeSize")();
  });
  connect(outpaint_, &SliderSpin::valueChanged, this, notify("outpaint"));
  connect(method_, &QComboBox::activated, this, notify("method"));
  connect(padding_, &QComboBox::activated, this, notify("padding"));
  connect(keyframesToAdd_, &QSpinBox::valueChanged, this, notify("keyframesToAdd"));
  connect(dice_, &QToolButton::clicked, this, [this] {
    seed_->setText(QString::number(QRandomGenerator::global()->bounded(quint64(1) << 32)));
    Q_EMIT edited(QStringLiteral("seed"));
  });
  connect(lock_, &QToolButton::toggled, this, [this](bool on) { lock_->setText(on ? tr("Locked") : tr("Lock")); });
  connect(browseModel_, &QToolButton::clicked, this, &PromptPanel::chooseModelRequested);
}

PanelValues PromptPanel::values() const {
  PanelValues v;
  v.prompt = prompt_->toPlainText();
  v.negativePrompt = negative_->toPlainText();
  v.model = model_->currentData().toString();
  v.scheduler = scheduler_->currentData().toString();
  v.steps = steps_->intValue();
  v.guidance = guidance_->value();
  v.seed = seed_->text().toULongLong();
  v.seedLocked = lock_->isChecked();
  v.keyframeSize = keyframeSize_->currentData().toSize();
  v.outpaint = outpaint_->intValue();
  v.method = method_->currentData().toString();
  v.padding = padding_->currentData().toString();
  v.keyframesToAdd = keyframesToAdd_->value();
  return v;
}

void PromptPanel::selectData(QComboBox* box, const QString& data) {
  int index = box->findData(data);
  if (index < 0 && !data.isEmpty()) {  // keep a value the list does not know (e.g. from a project file)
    box->addItem(data, data);
    index = box->count() - 1;
  }
  box->setCurrentIndex(std::max(index, 0));
}

void PromptPanel::setValues(const PanelValues& v) {
  updating_ = true;
  if (prompt_->toPlainText() != v.prompt) prompt_->setPlainText(v.prompt);
  if (negative_->toPlainText() != v.negativePrompt) negative_->setPlainText(v.negativePrompt);
  selectData(model_, v.model);
  selectData(scheduler_, v.scheduler);
  steps_->setValue(v.steps);
  guidance_->setValue(v.guidance);
  if (seed_->text() != QString::number(v.seed)) seed_->setText(QString::number(v.seed));
  lock_->setChecked(v.seedLocked);
  const std::optional<zoom::KeyframeShape> shape = zoom::shapeOf(v.keyframeSize);
  if (shape) {
    shape_->setCurrentIndex(shape_->findData(shape->id()));
  } else {  // a shape of its own (e.g. assembled from pictures): kept, not offered for new projects
    if (shape_->findData(QStringLiteral("custom")) < 0) shape_->addItem(tr("Custom"), QStringLiteral("custom"));
    shape_->setCurrentIndex(shape_->findData(QStringLiteral("custom")));
  }
  fillSizes(v.keyframeSize);
  outpaint_->setValue(v.outpaint);
  selectData(method_, v.method);
  selectData(padding_, v.padding);
  keyframesToAdd_->setValue(v.keyframesToAdd);
  updating_ = false;
}

void PromptPanel::setModels(const QList<QPair<QString, QString>>& models, const QString& current) {
  updating_ = true;
  model_->clear();
  for (const auto& [label, location] : models) model_->addItem(label, location);
  selectData(model_, current);
  updating_ = false;
}

void PromptPanel::setSchedulers(const QStringList& ids) {
  updating_ = true;
  const QString current = scheduler_->currentData().toString();
  scheduler_->clear();
  scheduler_->addItem(tr("Model default"), QString());
  static const QHash<QString, QString> labels{
      {QStringLiteral("pndm"), QStringLiteral("PNDM")},
      {QStringLiteral("ddim"), QStringLiteral("DDIM")},
      {QStringLiteral("euler"), QStringLiteral("Euler")},
      {QStringLiteral("euler-a"), QStringLiteral("Euler ancestral")},
      {QStringLiteral("dpm++2m"), QStringLiteral("DPM++ 2M")},
      {QStringLiteral("dpm++2m-karras"), QStringLiteral("DPM++ 2M Karras")},
      {QStringLiteral("dpm++2m-sde-karras"), QStringLiteral("DPM++ 2M SDE Karras")}};
  for (const QString& id : ids) scheduler_->addItem(labels.value(id, id), id);
  selectData(scheduler_, current);
  updating_ = false;
}

void PromptPanel::setMethods(const QList<QPair<QString, QString>>& idAndLabel) {
  updating_ = true;
  const QString current = method_->currentData().toString();
  method_->clear();
  for (const auto& [id, label] : idAndLabel) method_->addItem(label, id);
  selectData(method_, current);
  updating_ = false;
}

void PromptPanel::setPaddings(const QList<QPair<QString, QString>>& idAndLabel) {
  updating_ = true;
  const QString current = padding_->currentData().toString();
  padding_->clear();
  for (const auto& [id, label] : idAndLabel) padding_->addItem(label, id);
  selectData(padding_, current);
  updating_ = false;
}

quint64 PromptPanel::seedForNewKeyframe() {
  if (!lock_->isChecked()) {
    updating_ = true;
    seed_->setText(QString::number(QRandomGenerator::global()->bounded(quint64(1) << 32)));
    updating_ = false;
  }
  return seed_->text().toULongLong();
}

void PromptPanel::showSeed(quint64 seed) {
  if (lock_->isChecked()) return;
  updating_ = true;
  seed_->setText(QString::number(seed));
  updating_ = false;
}

std::optional<quint64> PromptPanel::lockedSeed() const {
  if (!lock_->isChecked()) return std::nullopt;
  return seed_->text().toULongLong();
}

void PromptPanel::fillSizes(QSize keep) {
  const QString id = shape_->currentData().toString();
  std::vector<QSize> sizes;
  for (const zoom::KeyframeShape& shape : zoom::keyframeShapes())
    if (shape.id() == id) sizes = zoom::keyframeSizes(shape);
  // Changing the shape keeps about the same long side.
  const auto longSide = [](QSize s) { return std::max(s.width(), s.height()); };
  QSize chosen = keep;
  const std::optional<zoom::KeyframeShape> keptShape = zoom::shapeOf(keep);
  if (!sizes.empty() && std::find(sizes.begin(), sizes.end(), keep) == sizes.end() &&
      (!keptShape || keptShape->id() != id))
    chosen = *std::min_element(sizes.begin(), sizes.end(), [&](QSize a, QSize b) {
      return std::abs(longSide(a) - longSide(keep)) < std::abs(longSide(b) - longSide(keep));
    });
  keyframeSize_->clear();
  for (const QSize& size : sizes) keyframeSize_->addItem(QString(), size);
  if (keyframeSize_->findData(chosen) < 0) keyframeSize_->addItem(QString(), chosen);  // e.g. from a project file
  keyframeSize_->setCurrentIndex(keyframeSize_->findData(chosen));
  retranslateShapesAndSizes();
}

void PromptPanel::retranslateShapesAndSizes() {
  const QHash<QString, QString> names{
      {QStringLiteral("1:1"), tr("Square 1:1")},       {QStringLiteral("16:9"), tr("Landscape 16:9")},
      {QStringLiteral("9:16"), tr("Portrait 9:16")},   {QStringLiteral("4:3"), tr("Landscape 4:3")},
      {QStringLiteral("3:4"), tr("Portrait 3:4")},     {QStringLiteral("3:2"), tr("Landscape 3:2")},
      {QStringLiteral("2:3"), tr("Portrait 2:3")},     {QStringLiteral("custom"), tr("Custom")}};
  for (int i = 0; i < shape_->count(); ++i) shape_->setItemText(i, names.value(shape_->itemData(i).toString()));
  for (int i = 0; i < keyframeSize_->count(); ++i) {
    const QSize size = keyframeSize_->itemData(i).toSize();
    keyframeSize_->setItemText(i, tr("%1 × %2 px").arg(size.width()).arg(size.height()));
  }
}

void PromptPanel::setChainGeometryEditable(bool editable) {
  for (QWidget* w : {static_cast<QWidget*>(shape_), static_cast<QWidget*>(keyframeSize_), static_cast<QWidget*>(outpaint_),
                     static_cast<QWidget*>(method_), static_cast<QWidget*>(padding_)})
    w->setEnabled(editable);
}

}  // namespace droste::ui
