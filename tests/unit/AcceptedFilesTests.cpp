#include <catch2/catch.hpp>

#include "AcceptedFiles.h"
#include "CatchQt.h"
#include "Sha256.h"

#include <QCryptographicHash>

using namespace onsite;

namespace {
QByteArray pad(QByteArray head)
{
    return head + QByteArray(200, '\x01');
}
} // namespace

TEST_CASE("accepted files: every listed format passes with its real signature", "[files]")
{
    const QList<QPair<const char *, QByteArray>> samples = {
        {"a.bmp", pad("BM")},
        {"a.gif", pad("GIF89a")},
        {"a.jpg", pad("\xFF\xD8\xFF\xE0")},
        {"a.JPEG", pad("\xFF\xD8\xFF\xE1")},
        {"a.png", pad("\x89PNG\r\n\x1A\n")},
        {"a.txt", "Signed by the store manager.\r\n"},
        {"a.csv", "item,count\nshelf,4\n"},
        {"a.pdf", pad("%PDF-1.7\n")},
        {"a.xls", pad("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")},
        {"a.doc", pad("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")},
        {"a.xlsx", pad("PK\x03\x04")},
        {"a.xlsm", pad("PK\x03\x04")},
        {"a.docx", pad("PK\x03\x04")},
        {"a.docm", pad("PK\x03\x04")},
        {"a.zip", pad("PK\x03\x04")},
        {"a.mp4", pad(QByteArray("\0\0\0\x18"
                                 "ftypmp42",
                                 12))},
        {"a.m4v", pad(QByteArray("\0\0\0\x18"
                                 "ftypM4V ",
                                 12))},
        {"a.f4v", pad(QByteArray("\0\0\0\x18"
                                 "ftypf4v ",
                                 12))},
        {"a.mov", pad(QByteArray("\0\0\0\x14"
                                 "ftypqt  ",
                                 12))},
        {"a.m4a", pad(QByteArray("\0\0\0\x18"
                                 "ftypM4A ",
                                 12))},
        {"a.f4a", pad(QByteArray("\0\0\0\x18"
                                 "ftypf4a ",
                                 12))},
        {"a.flv", pad("FLV\x01\x05")},
        {"a.mp3", pad("ID3\x03")},
        {"b.mp3", pad("\xFF\xFB\x90")},
        {"a.form", pad("<form>")},
    };
    // The list the app and server share is exactly DESIGN §1.6's.
    CHECK(AcceptedFiles::extensions().size() == 24);
    for (const auto &s : samples) {
        INFO(s.first);
        const FileVerdict v =
            AcceptedFiles::check(QString::fromLatin1(s.first), s.second, s.second.size(), 1000000);
        CHECK(v.ok);
        CHECK(v.message.isEmpty());
    }
}

TEST_CASE("accepted files: the content must be what the name says", "[files]")
{
    const QByteArray png = pad("\x89PNG\r\n\x1A\n");
    FileVerdict v = AcceptedFiles::checkContent(QStringLiteral("report.pdf"), png);
    CHECK_FALSE(v.ok);
    CHECK(v.code == QStringLiteral("content_mismatch"));
    CHECK(v.message.contains(QStringLiteral("PNG")));
    CHECK(v.message.contains(QStringLiteral("report.pdf")));

    v = AcceptedFiles::checkContent(QStringLiteral("notes.txt"), pad("%PDF-1.4"));
    CHECK_FALSE(v.ok);
    CHECK(v.message.contains(QStringLiteral("PDF")));
    CHECK_FALSE(
        AcceptedFiles::checkContent(QStringLiteral("notes.txt"), QByteArray("ab\0cd", 5)).ok);
    CHECK_FALSE(AcceptedFiles::checkContent(QStringLiteral("photo.jpg"), "just words").ok);
    CHECK_FALSE(
        AcceptedFiles::checkContent(QStringLiteral("sheet.xlsx"), pad("\xD0\xCF\x11\xE0")).ok);
    // A program is refused whatever it is called.
    const FileVerdict exe = AcceptedFiles::checkContent(QStringLiteral("x.form"), pad("MZ\x90"));
    CHECK_FALSE(exe.ok);
    CHECK(exe.message.contains(QStringLiteral("program")));
    CHECK_FALSE(AcceptedFiles::checkContent(QStringLiteral("x.pdf"), pad("\x7F"
                                                                         "ELF"))
                    .ok);
}

TEST_CASE("accepted files: names, sizes and emptiness", "[files]")
{
    FileVerdict v = AcceptedFiles::checkName(QStringLiteral("setup.exe"));
    CHECK_FALSE(v.ok);
    CHECK(v.code == QStringLiteral("format_not_accepted"));
    CHECK(v.message.contains(QStringLiteral(".exe")));
    CHECK(v.message.contains(QStringLiteral("pdf")));
    CHECK_FALSE(AcceptedFiles::checkName(QStringLiteral("README")).ok);
    CHECK(AcceptedFiles::checkName(QStringLiteral("Photo.PNG")).ok);

    const QByteArray png = pad("\x89PNG\r\n\x1A\n");
    v = AcceptedFiles::check(QStringLiteral("a.png"), png, 5000001, 5000000);
    CHECK_FALSE(v.ok);
    CHECK(v.code == QStringLiteral("too_large"));
    CHECK(AcceptedFiles::check(QStringLiteral("a.png"), png, 5000000, 5000000).ok);
    CHECK(AcceptedFiles::check(QStringLiteral("a.png"), {}, 0, 5000000).code ==
          QStringLiteral("empty"));
}

TEST_CASE("accepted files: a name with a path keeps only its last part", "[files]")
{
    CHECK(AcceptedFiles::sanitizedName(QStringLiteral("../../etc/passwd.txt")) ==
          QStringLiteral("passwd.txt"));
    CHECK(AcceptedFiles::sanitizedName(QStringLiteral("C:\\Users\\x\\..\\sheet.pdf")) ==
          QStringLiteral("sheet.pdf"));
    CHECK(AcceptedFiles::sanitizedName(QStringLiteral("..")) == QString());
    CHECK(AcceptedFiles::sanitizedName(QStringLiteral("a\nb\t.png")) == QStringLiteral("ab.png"));
    CHECK(AcceptedFiles::sanitizedName(QStringLiteral(".hidden.png")) ==
          QStringLiteral("hidden.png"));
    const QString longName = QString(300, QLatin1Char('x')) + QStringLiteral(".pdf");
    const QString cut = AcceptedFiles::sanitizedName(longName);
    CHECK(cut.size() == 200);
    CHECK(cut.endsWith(QStringLiteral(".pdf")));
}

TEST_CASE("sha256: the fast hash equals Qt's for every split of the input", "[files]")
{
    QByteArray data(100000, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7 + 3);
    const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    CHECK(Sha256::hash(data) == expected);
    Sha256 pieces;
    for (int at = 0; at < data.size(); at += 777)
        pieces.addData(data.mid(at, 777));
    CHECK(pieces.result() == expected);
    CHECK(Sha256::hex("") ==
          QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}
