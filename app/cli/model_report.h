#pragma once
// Text for `droste-cli info MODEL` and `droste-cli models` (model facts come from core/diffusion).
#include <QString>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace droste::cli {

// Opens and validates the model; throws io::ModelFileError with the reason when it is broken.
QString modelInfoReport(const std::string& pathOrRepoId, const std::optional<std::filesystem::path>& configFolder);
QString modelListReport(const std::vector<std::filesystem::path>& folders);

}  // namespace droste::cli
