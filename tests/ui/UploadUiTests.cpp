#include <catch2/catch.hpp>

#include "AppController.h"
#include "AssignmentPage.h"
#include "Clock.h"
#include "DeliverablesModel.h"
#include "DeliverablesPanel.h"
#include "FileDialog.h"
#include "Fixtures.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "MemoryCredentialStore.h"
#include "SignInDialog.h"
#include "TestServer.h"
#include "TestUtil.h"
#include "Theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace onsite;
using namespace onsite::test;

namespace {

QByteArray bytes(const QByteArray &head, int n)
{
    QByteArray b = head;
    while (b.size() < n)
        b += char(QRandomGenerator::global()->bounded(256));
    return b;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

void drop(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
}

} // namespace

TEST_CASE("the worker drops two files, picks their types and sees them uploaded", "[ui][upload]")
{
    TestServer server;
    REQUIRE(server.start());
    HttpClient http(server.apiBase());
    const QString token = http.signIn(QStringLiteral("alex@demo.onsite"));
    const qint64 me =
        http.get(QStringLiteral("me"), token).json.value(QStringLiteral("id")).toInteger();
    const QString photoReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString signReq = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto created = http.post(
        QStringLiteral("company/assignments"),
        assignmentInput(
            me, QStringLiteral("Shelf reset with photos"),
            {requirement(photoReq, QStringLiteral("photo"), QStringLiteral("Shelf after"), 1),
             requirement(signReq, QStringLiteral("sign_off"), QStringLiteral("Manager sheet"), 1)}),
        server.companyToken());
    REQUIRE(created.status == 201);
    const qint64 id = created.json.value(QStringLiteral("id")).toInteger();

    QTemporaryDir data;
    SystemClock clock;
    MemoryCredentialStore credentials;
    MainWindow window(&clock);
    window.resize(1280, 800);
    AppController controller(&window, &credentials, data.path(), &clock);
    window.show();
    QSignalSpy synced(&controller, &AppController::syncFinished);
    controller.showSignIn(QString());
    SignInDialog *dialog = controller.signInDialog();
    dialog->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(server.url().toString());
    dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))
        ->setText(QStringLiteral("alex@demo.onsite"));
    dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
        ->setText(QStringLiteral("onsite-demo"));
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
        ->button(QDialogButtonBox::Ok)
        ->click();
    REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));

    controller.openAssignment(id);
    AssignmentPage *page = window.page();
    DeliverablesPanel *panel = page->deliverables();
    REQUIRE(page->assignmentId() == id);
    REQUIRE(panel->requirementTexts().size() == 2);
    CHECK(panel->requirementTexts().at(0).contains(QStringLiteral("Photos 0 of 1")));
    CHECK(panel->requirementColors() == QStringList(2, Theme::colorName(Theme::Tone::Error)));

    QTemporaryDir files;
    // A real photo (noise, so it is large enough to show progress) and a PDF-shaped sheet.
    QImage image(640, 480, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, QRandomGenerator::global()->generate());
    const QString photo = files.filePath(QStringLiteral("shelf.png"));
    REQUIRE(image.save(photo));
    const QString sheet =
        write(files, QStringLiteral("signed sheet.pdf"), bytes("%PDF-1.4\n", 300 * 1024));

    SECTION("a folder and a fake PDF are refused with a message, nothing is queued")
    {
        QDir(files.path()).mkdir(QStringLiteral("more"));
        drop(page, {QUrl::fromLocalFile(files.filePath(QStringLiteral("more")))});
        REQUIRE(panel->refusedTexts().size() == 1);
        CHECK(panel->refusedTexts().at(0).contains(QStringLiteral("folder")));
        CHECK_FALSE(page->uploadDialog());
        const QString fake =
            write(files, QStringLiteral("fake.pdf"), bytes("\x89PNG\r\n\x1A\n", 1000));
        drop(page, {QUrl::fromLocalFile(fake)});
        REQUIRE(page->uploadDialog());
        page->uploadDialog()->accept();
        REQUIRE(waitFor([&] { return panel->refusedTexts().size() == 2; }));
        CHECK(panel->refusedTexts().at(1).contains(QStringLiteral("PNG")));
        CHECK(panel->model()->rowCount() == 0);
    }

    SECTION("three refused files are each listed with their reason until dismissed")
    {
        const QString exe = write(files, QStringLiteral("a.exe"), bytes("MZ", 2000));
        const QString empty = write(files, QStringLiteral("empty.pdf"), QByteArray());
        const QString text = write(files, QStringLiteral("b.txt"),
                                   bytes("\x7F"
                                         "ELF",
                                         4000));
        drop(page,
             {QUrl::fromLocalFile(exe), QUrl::fromLocalFile(empty), QUrl::fromLocalFile(text)});
        REQUIRE(page->uploadDialog());
        page->uploadDialog()->accept();
        REQUIRE(waitFor([&] { return panel->refusedTexts().size() == 3; }));
        QStringList texts = panel->refusedTexts();
        texts.sort();
        CHECK(texts.at(0).startsWith(QStringLiteral("a.exe: ")));
        CHECK(texts.at(0).contains(QStringLiteral(".exe files are not accepted")));
        CHECK(texts.at(1).startsWith(QStringLiteral("b.txt: ")));
        CHECK(texts.at(1).contains(QStringLiteral("its content is a program")));
        CHECK(texts.at(2).startsWith(QStringLiteral("empty.pdf: ")));
        CHECK(texts.at(2).contains(QStringLiteral("is empty")));
        // Shown in the deliverables section, every entry on screen, nothing queued.
        QWidget *box = panel->refusedBox();
        CHECK(box->isVisible());
        CHECK(panel->isAncestorOf(box));
        // (A row added to the shown box appears with the next turn of the event loop.)
        auto shown = [box](const QString &name) {
            const auto labels = box->findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) {
                return l->isVisible() && l->text().contains(name);
            });
        };
        for (const QString &name :
             {QStringLiteral("a.exe"), QStringLiteral("empty.pdf"), QStringLiteral("b.txt")})
            CHECK(waitFor([&] { return shown(name); }));
        CHECK(panel->model()->rowCount() == 0);

        // The next actions (a sync that reloads the page, another assignment and back) keep
        // them; they belong to this assignment only.
        synced.clear();
        controller.syncNow();
        REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));
        CHECK(panel->refusedTexts().size() == 3);
        const auto other = http.post(QStringLiteral("company/assignments"),
                                     assignmentInput(me, QStringLiteral("Another job"), {}),
                                     server.companyToken());
        REQUIRE(other.status == 201);
        synced.clear();
        controller.syncNow();
        REQUIRE(waitFor([&] { return synced.count() > 0; }, 30000));
        controller.openAssignment(other.json.value(QStringLiteral("id")).toInteger());
        CHECK(panel->refusedTexts().isEmpty());
        CHECK_FALSE(box->isVisible());
        controller.openAssignment(id);
        REQUIRE(panel->refusedTexts().size() == 3);
        CHECK(box->isVisible());

        // Dismiss one by its own button, then the rest at once.
        const QString first = panel->refusedTexts().at(0);
        QPushButton *dismissFirst = nullptr;
        for (QPushButton *b : box->findChildren<QPushButton *>())
            if (b->isVisible() &&
                b->accessibleName() == QStringLiteral("Dismiss %1").arg(first.section(':', 0, 0)))
                dismissFirst = b;
        REQUIRE(dismissFirst);
        dismissFirst->click();
        QCoreApplication::processEvents();
        CHECK(panel->refusedTexts().size() == 2);
        CHECK_FALSE(panel->refusedTexts().contains(first));
        box->findChild<QPushButton *>(QStringLiteral("dismissAllRefused"))->click();
        QCoreApplication::processEvents();
        CHECK(panel->refusedTexts().isEmpty());
        CHECK_FALSE(box->isVisible());
    }

    SECTION("a file picked with Upload Files… is listed and uploaded; cancelling picks none")
    {
        FileDialog::setNextAnswer({}); // the worker cancels the file dialog
        QTest::mouseClick(panel->uploadButton(), Qt::LeftButton);
        CHECK_FALSE(page->uploadDialog());
        CHECK(panel->model()->rowCount() == 0);

        FileDialog::setNextAnswer({photo});
        QTest::mouseClick(panel->uploadButton(), Qt::LeftButton);
        UploadFilesDialog *choose = page->uploadDialog();
        REQUIRE(choose);
        REQUIRE(waitFor([&] { return choose->isVisible(); }));
        REQUIRE(choose->fileCount() == 1);
        choose->kindBox(0)->setCurrentIndex(choose->kindBox(0)->findData(QStringLiteral("photo")));
        CHECK(choose->requirementBox(0)->currentData().toString() == photoReq);
        choose->accept();

        // Listed under the deliverables by its name, and uploaded.
        REQUIRE(waitFor([&] { return panel->model()->rowCount() == 1; }));
        CHECK(panel->model()->index(0, DeliverablesModel::File).data().toString() ==
              QStringLiteral("shelf.png"));
        REQUIRE(waitFor(
            [&] {
                return panel->model()->rowAt(0)->state == DeliverablesModel::RowState::Uploaded;
            },
            60000));
        // Met once the document with the file comes back from the server.
        REQUIRE(waitFor(
            [&] {
                return panel->requirementTexts().at(0).startsWith(
                    QStringLiteral("✔ Photos 1 of 1"));
            },
            60000));
        CHECK(
            panel->requirementTexts().at(1).startsWith(QStringLiteral("✘ Sign-off sheets 0 of 1")));
    }

    SECTION("two dropped files travel with progress and turn both requirements green")
    {
        drop(page, {QUrl::fromLocalFile(photo), QUrl::fromLocalFile(sheet)});
        UploadFilesDialog *choose = page->uploadDialog();
        REQUIRE(choose);
        REQUIRE(waitFor([&] { return choose->isVisible(); }));
        REQUIRE(choose->fileCount() == 2);
        // The worker picks what each file is (the defaults guess; set them as a worker would).
        choose->kindBox(0)->setCurrentIndex(choose->kindBox(0)->findData(QStringLiteral("photo")));
        choose->kindBox(1)->setCurrentIndex(
            choose->kindBox(1)->findData(QStringLiteral("sign_off")));
        CHECK(choose->requirementBox(0)->currentData().toString() == photoReq);
        CHECK(choose->requirementBox(1)->currentData().toString() == signReq);
        choose->accept();

        // Both rows appear, and progress is shown while they travel.
        REQUIRE(waitFor([&] { return panel->model()->rowCount() == 2; }));
        bool sawProgress = false;
        REQUIRE(waitFor(
            [&] {
                for (int r = 0; r < panel->model()->rowCount(); ++r) {
                    const auto *row = panel->model()->rowAt(r);
                    sawProgress = sawProgress ||
                                  row->state == DeliverablesModel::RowState::Uploading ||
                                  row->state == DeliverablesModel::RowState::Queued ||
                                  row->state == DeliverablesModel::RowState::Hashing;
                }
                return panel->requirementColors() ==
                       QStringList(2, Theme::colorName(Theme::Tone::Success));
            },
            60000));
        CHECK(sawProgress);
        CHECK(panel->requirementTexts().at(0).startsWith(QStringLiteral("✔ Photos 1 of 1")));
        CHECK(
            panel->requirementTexts().at(1).startsWith(QStringLiteral("✔ Sign-off sheets 1 of 1")));
        for (int r = 0; r < panel->model()->rowCount(); ++r) {
            CHECK(panel->model()->rowAt(r)->state == DeliverablesModel::RowState::Uploaded);
            CHECK(panel->model()->index(r, DeliverablesModel::Progress).data().toString() ==
                  QStringLiteral("Uploaded"));
        }
        // The server has them too.
        const auto doc = http.get(QStringLiteral("assignments/%1").arg(id), token);
        CHECK(doc.json.value(QStringLiteral("deliverables")).toArray().size() == 2);
    }
}
