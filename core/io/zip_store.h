#pragma once
// The smallest ZIP that other tools can open: entries are stored (not compressed), no ZIP64 (< 4 GB).
// Reading checks every signature, offset, size and CRC-32 so a damaged file is reported, never half-read.
#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace droste::io {

using ZipEntries = std::vector<std::pair<QString, QByteArray>>;  // name (UTF-8, '/' separated), contents

QByteArray writeStoredZip(const ZipEntries& entries);
// Throws std::runtime_error saying what is wrong (without the file name: the caller adds it).
ZipEntries readStoredZip(const QByteArray& archive);

quint32 crc32(const QByteArray& data);

}  // namespace droste::io
