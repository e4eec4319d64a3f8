#include "DemoFiles.h"

#include <QList>
#include <QStringList>
#include <QtEndian>

namespace onsite::server {
namespace {

quint32 crc32(const QByteArray &data)
{
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data) {
        c ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}

QByteArray chunk(const char *type, const QByteArray &data)
{
    const QByteArray body = QByteArray(type, 4) + data;
    return be32(quint32(data.size())) + body + be32(crc32(body));
}

} // namespace

QByteArray DemoFiles::photo(int variant)
{
    const int w = 160, h = 120;
    static const quint8 palette[][3] = {{0x1e, 0x88, 0xe5},
                                        {0x43, 0xa0, 0x47},
                                        {0xfb, 0x8c, 0x00},
                                        {0x8e, 0x24, 0xaa},
                                        {0xe5, 0x39, 0x35}};
    const quint8 *accent = palette[variant % 5];
    QByteArray raw;
    raw.reserve((w * 3 + 1) * h);
    for (int y = 0; y < h; ++y) {
        raw += char(0); // filter: none
        for (int x = 0; x < w; ++x) {
            const bool box = x > 40 && x < 120 && y > 30 && y < 90;
            const int shade = 90 + (x + y) * 120 / (w + h);
            for (int c = 0; c < 3; ++c)
                raw += char(box ? accent[c] : shade);
        }
    }
    QByteArray ihdr = be32(w) + be32(h);
    ihdr += char(8); // bit depth
    ihdr += char(2); // truecolour
    ihdr += QByteArray(3, '\0');
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr) +
           chunk("IDAT", qCompress(raw).mid(4)) + chunk("IEND", {});
}

namespace {

// PDF string text: Latin-1, with the characters PDF strings treat specially replaced.
QByteArray pdfText(const QString &text)
{
    QString safe = text;
    safe.replace(QLatin1Char('('), QLatin1Char('[')).replace(QLatin1Char(')'), QLatin1Char(']'));
    safe.replace(QLatin1Char('\\'), QLatin1Char('/'));
    return safe.toLatin1();
}

// A one-page PDF: a heading, then lines of text.
QByteArray onePagePdf(const QString &heading, const QStringList &lines)
{
    QByteArray text = "BT /F1 18 Tf 60 760 Td (" + pdfText(heading) + ") Tj /F1 12 Tf";
    for (int i = 0; i < lines.size(); ++i)
        text += (i == 0 ? " 0 -34 Td (" : " 0 -20 Td (") + pdfText(lines.at(i)) + ") Tj";
    text += " ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(text.size()) + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << int(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const int xref = int(pdf.size());
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (int o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

QByteArray DemoFiles::signOffSheet(const QString &title)
{
    return onePagePdf(QStringLiteral("Sign-off sheet"),
                      {title, QString(), QStringLiteral("Work completed to my satisfaction."),
                       QString(), QString(), QStringLiteral("Signed: ______________________")});
}

QByteArray DemoFiles::workOrder(const QString &title, const QString &company,
                                const QString &address)
{
    return onePagePdf(QStringLiteral("Work order"),
                      {title, QStringLiteral("Client: %1").arg(company),
                       QStringLiteral("Site: %1").arg(address), QString(),
                       QStringLiteral("1. Sign in at the front desk; ask for the site contact."),
                       QStringLiteral("2. Complete every task on the checklist in Onsite."),
                       QStringLiteral("3. Photograph the finished work before you leave."),
                       QStringLiteral("4. Leave the site as you found it.")});
}

} // namespace onsite::server
