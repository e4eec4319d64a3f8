#include "AcceptedFiles.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace onsite {
namespace {

enum class Format { Bmp, Gif, Jpeg, Png, Text, Pdf, Ole, Zip, IsoMedia, Flv, Mp3, Form };

Format formatOf(const QString &suffix)
{
    static const QHash<QString, Format> map = {
        {QStringLiteral("bmp"), Format::Bmp},      {QStringLiteral("gif"), Format::Gif},
        {QStringLiteral("jpeg"), Format::Jpeg},    {QStringLiteral("jpg"), Format::Jpeg},
        {QStringLiteral("png"), Format::Png},      {QStringLiteral("txt"), Format::Text},
        {QStringLiteral("csv"), Format::Text},     {QStringLiteral("pdf"), Format::Pdf},
        {QStringLiteral("xls"), Format::Ole},      {QStringLiteral("doc"), Format::Ole},
        {QStringLiteral("xlsx"), Format::Zip},     {QStringLiteral("xlsm"), Format::Zip},
        {QStringLiteral("docx"), Format::Zip},     {QStringLiteral("docm"), Format::Zip},
        {QStringLiteral("zip"), Format::Zip},      {QStringLiteral("mp4"), Format::IsoMedia},
        {QStringLiteral("m4v"), Format::IsoMedia}, {QStringLiteral("f4v"), Format::IsoMedia},
        {QStringLiteral("mov"), Format::IsoMedia}, {QStringLiteral("m4a"), Format::IsoMedia},
        {QStringLiteral("f4a"), Format::IsoMedia}, {QStringLiteral("flv"), Format::Flv},
        {QStringLiteral("mp3"), Format::Mp3},      {QStringLiteral("form"), Format::Form},
    };
    return map.value(suffix, Format::Form);
}

bool startsWith(const QByteArray &head, const char *magic, int len, int at = 0)
{
    return head.size() >= at + len && memcmp(head.constData() + at, magic, size_t(len)) == 0;
}

// What the bytes say the file is, from well-known signatures; Text when none match and the
// bytes look like text, Form (unknown binary) otherwise.
bool isFormat(const QByteArray &h, Format f)
{
    switch (f) {
    case Format::Bmp:
        return startsWith(h, "BM", 2);
    case Format::Gif:
        return startsWith(h, "GIF87a", 6) || startsWith(h, "GIF89a", 6);
    case Format::Jpeg:
        return startsWith(h, "\xFF\xD8\xFF", 3);
    case Format::Png:
        return startsWith(h, "\x89PNG\r\n\x1A\n", 8);
    case Format::Pdf:
        return h.left(1024).contains("%PDF-");
    case Format::Ole:
        return startsWith(h, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    case Format::Zip:
        return startsWith(h, "PK\x03\x04", 4) || startsWith(h, "PK\x05\x06", 4);
    case Format::IsoMedia: {
        static const char *boxes[] = {"ftyp", "moov", "mdat", "free", "wide", "skip", "pnot"};
        for (const char *b : boxes)
            if (startsWith(h, b, 4, 4))
                return true;
        return false;
    }
    case Format::Flv:
        return startsWith(h, "FLV\x01", 4);
    case Format::Mp3:
        return startsWith(h, "ID3", 3) ||
               (h.size() >= 2 && uchar(h[0]) == 0xFF && (uchar(h[1]) & 0xE0) == 0xE0);
    case Format::Text:
        return false;
    case Format::Form:
        return false;
    }
    return false;
}

bool looksExecutable(const QByteArray &h)
{
    return startsWith(h, "MZ", 2) ||
           startsWith(h,
                      "\x7F"
                      "ELF",
                      4) ||
           startsWith(h, "#!", 2) || startsWith(h, "\xCF\xFA\xED\xFE", 4) ||
           startsWith(h, "\xCA\xFE\xBA\xBE", 4);
}

bool looksLikeText(const QByteArray &h)
{
    if (h.contains('\0'))
        return false;
    for (char c : h) {
        const uchar u = uchar(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && u != 0x1B)
            return false;
    }
    return true;
}

// The first signature the bytes match, to name the real format in a refusal.
QString describe(const QByteArray &h)
{
    static const QList<QPair<Format, const char *>> names = {{Format::Pdf, "PDF"},
                                                             {Format::Png, "PNG"},
                                                             {Format::Jpeg, "JPEG"},
                                                             {Format::Gif, "GIF"},
                                                             {Format::Bmp, "BMP"},
                                                             {Format::Zip, "ZIP"},
                                                             {Format::Ole, "Office 97-2003"},
                                                             {Format::IsoMedia, "MP4/QuickTime"},
                                                             {Format::Flv, "Flash video"}};
    for (const auto &n : names)
        if (isFormat(h, n.first))
            return QString::fromLatin1(n.second);
    if (looksExecutable(h))
        return AcceptedFiles::tr("a program");
    if (looksLikeText(h))
        return AcceptedFiles::tr("plain text");
    return AcceptedFiles::tr("an unknown binary format");
}

} // namespace

const QStringList &AcceptedFiles::extensions()
{
    static const QStringList list = {
        QStringLiteral("bmp"),  QStringLiteral("gif"),  QStringLiteral("jpeg"),
        QStringLiteral("jpg"),  QStringLiteral("png"),  QStringLiteral("txt"),
        QStringLiteral("csv"),  QStringLiteral("pdf"),  QStringLiteral("xls"),
        QStringLiteral("xlsx"), QStringLiteral("xlsm"), QStringLiteral("doc"),
        QStringLiteral("docx"), QStringLiteral("docm"), QStringLiteral("form"),
        QStringLiteral("mp4"),  QStringLiteral("m4v"),  QStringLiteral("f4v"),
        QStringLiteral("mov"),  QStringLiteral("flv"),  QStringLiteral("m4a"),
        QStringLiteral("f4a"),  QStringLiteral("mp3"),  QStringLiteral("zip")};
    return list;
}

QString AcceptedFiles::dialogFilter()
{
    QStringList globs;
    for (const QString &e : extensions())
        globs << QStringLiteral("*.") + e;
    return tr("Accepted files (%1)").arg(globs.join(QLatin1Char(' ')));
}

bool AcceptedFiles::isImage(const QString &fileName)
{
    const QString s = QFileInfo(fileName).suffix().toLower();
    return s == QLatin1String("png") || s == QLatin1String("jpg") || s == QLatin1String("jpeg") ||
           s == QLatin1String("gif") || s == QLatin1String("bmp");
}

QString AcceptedFiles::sanitizedName(const QString &name)
{
    QString n = name;
    n.replace(QLatin1Char('\\'), QLatin1Char('/'));
    n = n.section(QLatin1Char('/'), -1);
    QString out;
    for (const QChar c : n)
        if (c.isPrint() && c != QLatin1Char(':'))
            out += c;
    while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char(' ')))
        out.remove(0, 1);
    out = out.trimmed();
    if (out.size() > 200)
        out = out.left(200 - (QFileInfo(out).suffix().size() + 1)) + QLatin1Char('.') +
              QFileInfo(out).suffix();
    return out;
}

FileVerdict AcceptedFiles::checkName(const QString &fileName)
{
    const QString name = sanitizedName(fileName);
    if (name.isEmpty())
        return {false, QStringLiteral("bad_name"), tr("The file has no usable name.")};
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (!extensions().contains(suffix))
        return {false, QStringLiteral("format_not_accepted"),
                suffix.isEmpty()
                    ? tr("\"%1\" has no extension; accepted formats are: %2.")
                          .arg(name, extensions().join(QStringLiteral(", ")))
                    : tr("\"%1\": .%2 files are not accepted; accepted formats are: %3.")
                          .arg(name, suffix, extensions().join(QStringLiteral(", ")))};
    return {};
}

FileVerdict AcceptedFiles::checkContent(const QString &fileName, const QByteArray &head)
{
    const QString name = sanitizedName(fileName);
    const QString suffix = QFileInfo(name).suffix().toLower();
    const Format f = formatOf(suffix);
    bool ok = false;
    if (f == Format::Text) {
        // Text is whatever matches no binary signature and has no binary bytes.
        static const Format binary[] = {Format::Pdf, Format::Png, Format::Jpeg,     Format::Gif,
                                        Format::Zip, Format::Ole, Format::IsoMedia, Format::Flv};
        ok = looksLikeText(head);
        for (Format b : binary)
            ok = ok && !isFormat(head, b);
    } else if (f == Format::Form) {
        // .form has no registered signature: anything but a program.
        ok = !looksExecutable(head);
    } else {
        ok = isFormat(head, f);
    }
    if (ok)
        return {};
    return {false, QStringLiteral("content_mismatch"),
            tr("\"%1\" is named .%2 but its content is %3; it was not uploaded.")
                .arg(name, suffix, describe(head))};
}

FileVerdict AcceptedFiles::check(const QString &fileName, const QByteArray &head, qint64 size,
                                 qint64 maxSize)
{
    FileVerdict v = checkName(fileName);
    if (!v.ok)
        return v;
    const QString name = sanitizedName(fileName);
    if (size == 0)
        return {false, QStringLiteral("empty"), tr("\"%1\" is empty.").arg(name)};
    if (maxSize > 0 && size > maxSize)
        return {false, QStringLiteral("too_large"),
                tr("\"%1\" is %2 MB; the server accepts files up to %3 MB.")
                    .arg(name)
                    .arg(double(size) / 1e6, 0, 'f', 1)
                    .arg(double(maxSize) / 1e6, 0, 'f', 0)};
    return checkContent(fileName, head);
}

FileCheck AcceptedFiles::checkFile(const QString &path, qint64 maxSize)
{
    FileCheck c;
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (info.isDir()) {
        c.verdict = {false, QStringLiteral("folder"),
                     tr("\"%1\" is a folder; add the files inside it instead.").arg(name)};
        return c;
    }
    QFile f(path);
    if (!info.exists() || !f.open(QIODevice::ReadOnly)) {
        c.verdict = {false, QStringLiteral("unreadable"), tr("\"%1\" cannot be read.").arg(name)};
        return c;
    }
    c.size = f.size();
    c.mtimeMs = info.lastModified().toMSecsSinceEpoch();
    c.verdict = AcceptedFiles::check(name, f.read(AcceptedFiles::kSniffBytes), c.size, maxSize);
    return c;
}

} // namespace onsite
