// The client's documents on the page (issue 14 §2) against the real server: listed with
// their type and size, kept on this computer after a sync so they open with the server
// stopped; with offline copies off in Settings one is fetched when opened, and a worker whose
// server is gone is told why it did not open.
#include <catch2/catch.hpp>

#include "AppSettings.h"
#include "CatchQt.h"
#include "DashboardModel.h"
#include "Dialogs.h"
#include "DocumentsModel.h"
#include "NewAssignmentApp.h"
#include "SettingsDialog.h"
#include "UrlCatcher.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QFile>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>

using namespace onsite;
using namespace onsite::test;

namespace {

QByteArray pdf(const QByteArray &text)
{
    return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% " + text + "\ntrailer\n%%EOF\n";
}

void attach(NewAssignmentApp &s, const QByteArray &name, const QByteArray &bytes)
{
    const auto r = s.http->request(
        "POST", QStringLiteral("company/assignments/%1/documents").arg(s.id), bytes,
        s.server.companyToken(), {{"Content-Disposition", "attachment; filename=\"" + name + '"'}});
    REQUIRE(r.status == 201);
}

QString cell(DocumentsSection *docs, int row, int column)
{
    return docs->model()->index(row, column).data().toString();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The system's document viewer, for the test's length.
struct Viewer {
    UrlCatcher catcher;
    Viewer() { QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open"); }
    ~Viewer() { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }
};

} // namespace

TEST_CASE("the client's documents are kept after a sync and open with the server stopped",
          "[ui][documents]")
{
    NewAssignmentApp s(QStringLiteral("Read the work order"), [](QJsonObject &) {});
    DocumentsSection *docs = s.page()->documents();
    QAbstractItemModelTester tester(docs->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(!docs->view()->isVisibleTo(s.page())); // none yet: no empty table

    const QByteArray bytes = pdf(QByteArray(40 * 1024, 'w'));
    attach(s, "work order.pdf", bytes);
    s.sync();
    REQUIRE(s.until([&] {
        return docs->model()->rowCount() == 1 &&
               cell(docs, 0, DocumentsModel::Offline) == QStringLiteral("On this computer");
    }));
    CHECK(docs->view()->isVisibleTo(s.page()));
    CHECK(docs->titleText().contains(s.page()->assignment().company.name));
    CHECK(cell(docs, 0, DocumentsModel::Name) == QStringLiteral("work order.pdf"));
    CHECK(cell(docs, 0, DocumentsModel::Type) == QStringLiteral("PDF document"));
    CHECK(cell(docs, 0, DocumentsModel::Size) == QStringLiteral("40.1 kB"));
    CHECK(!cell(docs, 0, DocumentsModel::Added).isEmpty());

    // Another assignment opens at its top, where the thread and documents are, not scrolled
    // down where the last one was left.
    QScrollBar *scroll = s.page()->findChild<QScrollArea *>()->verticalScrollBar();
    REQUIRE(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum());
    DashboardModel *rows = s.app->window.model();
    s.app->controller.openAssignment(rows->rowAt(rows->rowForId(s.id) == 0 ? 1 : 0).id);
    CHECK(scroll->value() == 0);
    s.app->controller.openAssignment(s.id);

    // On site without signal: the work order still opens, in the system's viewer.
    s.server.stop();
    Viewer viewer;
    REQUIRE(docs->openButton()->isEnabled());
    docs->openButton()->click();
    REQUIRE(viewer.catcher.opened.size() == 1);
    CHECK(readAll(viewer.catcher.opened.first().toLocalFile()) == bytes);
    CHECK(viewer.catcher.opened.first().fileName() == QStringLiteral("work order.pdf"));
    CHECK(s.page()->errorText().isEmpty());
}

TEST_CASE("with offline copies off a document is fetched when opened, or says why not",
          "[ui][documents]")
{
    struct Restore {
        ~Restore() { AppSettings::setDocumentsLimitMb(500); }
    } restore;
    NewAssignmentApp s(QStringLiteral("Read the diagrams"), [](QJsonObject &) {});
    DocumentsSection *docs = s.page()->documents();
    const QByteArray first = pdf("wiring diagram");
    attach(s, "wiring.pdf", first);
    attach(s, "parts.pdf", pdf("parts list"));

    // Settings: keep no documents offline.
    s.app->controller.dialogs()->showSettings();
    auto *dialog = s.app->window.findChild<SettingsDialog *>();
    REQUIRE(dialog);
    auto *limit = dialog->findChild<QSpinBox *>(QStringLiteral("documentsLimit"));
    REQUIRE(limit);
    CHECK(limit->value() == 500);
    limit->setValue(0);
    CHECK(limit->text() == QStringLiteral("Off"));
    dialog->accept();
    CHECK(AppSettings::documentsLimitMb() == 0);
    s.sync();
    REQUIRE(s.until([&] {
        return docs->model()->rowCount() == 2 &&
               cell(docs, 0, DocumentsModel::Offline) ==
                   QStringLiteral("Not kept offline (see Settings)");
    }));
    CHECK(docs->model()
              ->index(0, DocumentsModel::Offline)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("off in Settings")));

    // Opened anyway: fetched, then shown.
    Viewer viewer;
    docs->view()->setCurrentIndex(docs->model()->index(0, 0));
    docs->openButton()->click();
    REQUIRE(waitFor([&] { return viewer.catcher.opened.size() == 1; }));
    CHECK(readAll(viewer.catcher.opened.first().toLocalFile()) == first);

    // The other, with the server gone: the worker hears why nothing opened.
    s.server.stop();
    docs->view()->setCurrentIndex(docs->model()->index(1, 0));
    docs->openButton()->click();
    REQUIRE(waitFor([&] {
        return s.page()->errorText().contains(QStringLiteral("\"parts.pdf\" could not be fetched"));
    }));
    CHECK(viewer.catcher.opened.size() == 1);
}
