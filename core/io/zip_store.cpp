#include "core/io/zip_store.h"

#include <array>
#include <set>
#include <stdexcept>
#include <string>

namespace droste::io {
namespace {

constexpr quint32 kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr quint16 kUtf8Flag = 0x0800;
constexpr quint16 kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // fixed timestamp: saves are reproducible

void put16(QByteArray& out, quint16 v) {
  out.append(char(v & 0xff));
  out.append(char(v >> 8));
}
void put32(QByteArray& out, quint32 v) {
  put16(out, quint16(v & 0xffff));
  put16(out, quint16(v >> 16));
}

[[noreturn]] void damaged(const std::string& what) { throw std::runtime_error(what); }

struct Reader {
  const QByteArray& data;
  quint16 u16(qsizetype at) const {
    if (at < 0 || at + 2 > data.size()) damaged("it ends in the middle of a record");
    return quint16(uchar(data[at]) | (uchar(data[at + 1]) << 8));
  }
  quint32 u32(qsizetype at) const { return quint32(u16(at)) | (quint32(u16(at + 2)) << 16); }
};

}  // namespace

quint32 crc32(const QByteArray& data) {
  static const std::array<quint32, 256> table = [] {
    std::array<quint32, 256> t{};
    for (quint32 i = 0; i < 256; ++i) {
      quint32 c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  quint32 c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ uchar(ch)) & 0xff] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

QByteArray writeStoredZip(const ZipEntries& entries) {
  QByteArray out, central;
  for (const auto& [name, contents] : entries) {
    const QByteArray n = name.toUtf8();
    if (quint64(out.size()) + quint64(contents.size()) > 0xFFFF0000ull)
      throw std::runtime_error("the project is larger than 4 GB, which the project format does not support");
    const quint32 crc = crc32(contents), size = quint32(contents.size()), offset = quint32(out.size());
    put32(out, kLocalSig);
    put16(out, 20);  // version needed: 2.0
    put16(out, kUtf8Flag);
    put16(out, 0);   // stored
    put16(out, 0);   // time
    put16(out, kDosDate1980);
    put32(out, crc);
    put32(out, size);
    put32(out, size);
    put16(out, quint16(n.size()));
    put16(out, 0);   // extra
    out.append(n);
    out.append(contents);

    put32(central, kCentralSig);
    put16(central, 20);  // made by
    put16(central, 20);  // needed
    put16(central, kUtf8Flag);
    put16(central, 0);
    put16(central, 0);
    put16(central, kDosDate1980);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, quint16(n.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central.append(n);
  }
  const quint32 centralOffset = quint32(out.size());
  out.append(central);
  put32(out, kEndSig);
  put16(out, 0);
  put16(out, 0);
  put16(out, quint16(entries.size()));
  put16(out, quint16(entries.size()));
  put32(out, quint32(central.size()));
  put32(out, centralOffset);
  put16(out, 0);  // comment
  return out;
}

ZipEntries readStoredZip(const QByteArray& data) {
  const Reader r{data};
  if (data.size() < 22) damaged("it is too short to be a project archive");
  // The end record is the last 22 bytes plus an optional comment of up to 64 KB.
  qsizetype end = -1;
  for (qsizetype at = data.size() - 22; at >= 0 && at >= data.size() - 22 - 0xFFFF; --at)
    if (r.u32(at) == kEndSig) {
      end = at;
      break;
    }
  if (end < 0) damaged("it is not a ZIP archive or its end is cut off");
  const quint16 count = r.u16(end + 10);
  const quint32 centralSize = r.u32(end + 12), centralOffset = r.u32(end + 16);
  if (quint64(centralOffset) + centralSize > quint64(end)) damaged("its table of contents points outside the file");

  ZipEntries entries;
  std::set<QString> names;
  qsizetype at = centralOffset;
  for (int i = 0; i < count; ++i) {
    if (r.u32(at) != kCentralSig) damaged("its table of contents is broken");
    const quint16 method = r.u16(at + 10);
    const quint32 crc = r.u32(at + 16), compressed = r.u32(at + 20), size = r.u32(at + 24);
    const quint16 nameLen = r.u16(at + 28), extraLen = r.u16(at + 30), commentLen = r.u16(at + 32);
    const quint32 localOffset = r.u32(at + 42);
    if (at + 46 + nameLen > data.size()) damaged("its table of contents is cut off");
    const QString name = QString::fromUtf8(data.mid(at + 46, nameLen));
    at += 46 + nameLen + extraLen + commentLen;

    if (method != 0)
      damaged("entry '" + name.toStdString() + "' is compressed; Droste writes stored entries only "
              "(was the archive re-packed by another tool?)");
    if (compressed != size) damaged("entry '" + name.toStdString() + "' has inconsistent sizes");
    if (r.u32(localOffset) != kLocalSig) damaged("entry '" + name.toStdString() + "' is missing");
    const qsizetype start = qsizetype(localOffset) + 30 + r.u16(localOffset + 26) + r.u16(localOffset + 28);
    if (start + qsizetype(size) > qsizetype(centralOffset)) damaged("entry '" + name.toStdString() + "' is cut off");
    QByteArray contents = data.mid(start, size);
    if (crc32(contents) != crc) damaged("entry '" + name.toStdString() + "' is corrupted (checksum mismatch)");
    if (!names.insert(name).second) damaged("entry '" + name.toStdString() + "' appears twice");
    entries.emplace_back(name, std::move(contents));
  }
  return entries;
}

}  // namespace droste::io
