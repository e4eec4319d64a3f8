// Messages on the page (issue 14 §1) against the real server: the company's message arrives
// as one notice and a count on the row; opening the page reads it (on the server too); a
// message written offline is marked until it is sent, then the company reads it.
#include <catch2/catch.hpp>

#include "CatchQt.h"
#include "DashboardModel.h"
#include "Dialogs.h"
#include "FileDialog.h"
#include "NewAssignmentApp.h"
#include "NotSentMarker.h"
#include "UrlCatcher.h"

#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace onsite;
using namespace onsite::test;

namespace {

QJsonArray companyThread(NewAssignmentApp &s)
{
    return s.http
        ->get(QStringLiteral("company/assignments/%1/messages").arg(s.id), s.server.companyToken())
        .json.value(QStringLiteral("messages"))
        .toArray();
}

} // namespace

TEST_CASE("a company message is one notice and a count until read, an answer waits offline",
          "[ui][messages]")
{
    NewAssignmentApp s(QStringLiteral("Talk job"), [](QJsonObject &) {});
    MessagesSection *thread = s.page()->messages();
    CHECK(thread->threadText().contains(QStringLiteral("No messages yet")));

    // Written while the worker is on the dashboard: one notice, however often it syncs.
    s.app->window.showDashboard();
    QSignalSpy notices(s.app->controller.dialogs(), &Dialogs::noticeShown);
    REQUIRE(s.http
                ->post(QStringLiteral("company/assignments/%1/messages").arg(s.id),
                       {{QStringLiteral("text"), QStringLiteral("Please use the side door.")}},
                       s.server.companyToken())
                .status == 201);
    s.sync();
    s.sync();
    int messageNotices = 0;
    for (const QList<QVariant> &n : std::as_const(notices))
        if (n.at(1).toString() == QLatin1String("message")) {
            ++messageNotices;
            CHECK(n.at(3).toString() == QStringLiteral("Please use the side door."));
        }
    CHECK(messageNotices == 1);
    DashboardModel *rows = s.app->window.model();
    REQUIRE(waitFor([&] {
        const int r = rows->rowForId(s.id);
        return r >= 0 && rows->rowAt(r).unreadMessages == 1;
    }));
    CHECK(rows->rowAt(rows->rowForId(s.id))
              .nextDue.startsWith(QStringLiteral("✉\u00a01\u00a0new · ")));

    // Opened: shown as new this once, then read, here and on the server.
    s.app->controller.openAssignment(s.id);
    CHECK(thread->threadText().contains(QStringLiteral("Please use the side door.")));
    REQUIRE(waitFor([&] { return rows->rowAt(rows->rowForId(s.id)).unreadMessages == 0; }));
    s.sync();
    REQUIRE(waitFor([&] {
        return !s.serverDoc().value(QStringLiteral("messages_read")).toString().isEmpty();
    }));

    // A draft waits on its assignment while the worker looks at another.
    thread->editor()->setPlainText(QStringLiteral("Half-written"));
    const qint64 other = rows->rowAt(rows->rowForId(s.id) == 0 ? 1 : 0).id;
    s.app->controller.openAssignment(other);
    CHECK(thread->editor()->toPlainText().isEmpty());
    s.app->controller.openAssignment(s.id);
    CHECK(thread->editor()->toPlainText() == QStringLiteral("Half-written"));
    thread->editor()->clear();

    // An empty message is refused on the page; an answer written offline waits, marked.
    thread->sendButton()->click();
    CHECK(s.page()->errorText() == QStringLiteral("Write the message first."));
    s.server.stop();
    thread->editor()->setPlainText(QStringLiteral("Side door, got it. 10 minutes away."));
    thread->sendButton()->click();
    CHECK(thread->editor()->toPlainText().isEmpty());
    REQUIRE(s.until([&] {
        return thread->threadText().contains(QStringLiteral("10 minutes away")) &&
               thread->threadText().contains(NotSentMarker::text());
    }));
    REQUIRE(s.server.restart());
    s.sync();
    REQUIRE(s.until([&] { return !thread->threadText().contains(NotSentMarker::text()); }));
    const QJsonArray onServer = companyThread(s);
    REQUIRE(onServer.size() == 2);
    CHECK(onServer.at(1).toObject().value(QStringLiteral("from")).toString() ==
          QStringLiteral("worker"));
    CHECK(onServer.at(1).toObject().value(QStringLiteral("text")).toString() ==
          QStringLiteral("Side door, got it. 10 minutes away."));
}

TEST_CASE("files attached to a message are checked when chosen, sent with it, and open from "
          "the thread",
          "[ui][messages][upload]")
{
    NewAssignmentApp s(QStringLiteral("Show the damage"), [](QJsonObject &) {});
    MessagesSection *thread = s.page()->messages();
    QTemporaryDir dir;
    const QString photo = dir.filePath(QStringLiteral("damage.png"));
    const QByteArray photoBytes = QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(30000, 'p');
    REQUIRE(writeFile(photo, photoBytes));
    const QString program = dir.filePath(QStringLiteral("tool.exe"));
    REQUIRE(writeFile(program, "MZ\x90\x00 not a document"));

    // A file of a refused format is refused while choosing, before anything is sent.
    FileDialog::setNextAnswer({photo, program});
    thread->attachButton()->click();
    CHECK(thread->attachedFiles() == QStringList{photo});
    CHECK(s.page()->errorText().contains(QStringLiteral("tool.exe")));
    CHECK(thread->attachedText().contains(QStringLiteral("damage.png")));

    // Sent without words: the message says what it carries, the file follows it.
    thread->sendButton()->click();
    CHECK(thread->attachedFiles().isEmpty());
    REQUIRE(s.until([&] { return thread->threadText().contains(QStringLiteral("damage.png")); }));
    CHECK(thread->threadText().contains(QStringLiteral("1 file attached.")));
    REQUIRE(waitFor(
        [&] { return s.serverDoc().value(QStringLiteral("message_files")).toArray().size() == 1; },
        30000));
    const QJsonObject doc = s.serverDoc();
    const QJsonObject file =
        doc.value(QStringLiteral("message_files")).toArray().first().toObject();
    const QJsonObject message = doc.value(QStringLiteral("messages")).toArray().last().toObject();
    CHECK(file.value(QStringLiteral("message_id")) == message.value(QStringLiteral("id")));
    CHECK(doc.value(QStringLiteral("deliverables")).toArray().isEmpty()); // not a deliverable
    const QString fileId = file.value(QStringLiteral("id")).toString();
    CHECK(s.http->get(QStringLiteral("files/") + fileId, s.server.companyToken()).body ==
          photoBytes);

    // In the thread, a link that opens it in the system's viewer.
    s.sync();
    REQUIRE(s.until([&] { return thread->threadText().contains(QStringLiteral("onsite-file:")); }));
    UrlCatcher viewer;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &viewer, "open");
    Q_EMIT thread->threadLabel()->linkActivated(QStringLiteral("onsite-file:") + fileId);
    const bool opened = waitFor([&] { return viewer.opened.size() == 1; });
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    REQUIRE(opened);
    QFile copy(viewer.opened.first().toLocalFile());
    REQUIRE(copy.open(QIODevice::ReadOnly));
    CHECK(copy.readAll() == photoBytes);
}
