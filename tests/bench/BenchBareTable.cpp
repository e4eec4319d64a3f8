// bench_coldstart's floor: the least a Qt program does to show the same list. A QApplication
// and a QTableView over a minimal QAbstractTableModel holding the dashboard's eight text
// columns (the site time formatted as the dashboard shows it), read with plain QtSql from the
// cache file's summary table (assignment_rows); nothing of Onsite's code. With
// ONSITE_BENCH_FIRST_PAINT=1 it prints the first paint with rows as the app does (wall clock,
// time since main(), peak RSS) and quits.
// Run: bench_bare_table CACHE_FILE
#include <QAbstractTableModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTextStream>
#include <QTimeZone>
#include <QTimer>
#include <array>
#include <chrono>
#include <unistd.h>

namespace {

QElapsedTimer sinceMain;

qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// CPU time of every thread of the process so far, in ms (Linux's /proc); -1 elsewhere.
double cpuMs()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) * 1000.0 /
           double(::sysconf(_SC_CLK_TCK));
}

// Prints once the view's viewport has painted rows, then quits.
class Probe : public QObject
{
public:
    explicit Probe(QTableView *view) : QObject(view), m_view(view) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (m_done || event->type() != QEvent::Paint || m_view->model()->rowCount() == 0)
            return QObject::eventFilter(watched, event);
        m_done = true;
        QCoreApplication::sendEvent(watched, event);
        const auto epochUs = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
        QTextStream(stdout) << "first-paint epoch_us=" << epochUs
                            << " main_ms=" << sinceMain.nsecsElapsed() / 1e6
                            << " cpu_ms=" << cpuMs() << " rows=" << m_view->model()->rowCount()
                            << " peak_rss_kib=" << peakRssKiB() << Qt::endl;
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        return true;
    }

private:
    QTableView *m_view;
    bool m_done = false;
};

// The rows' texts, column by column, and nothing else.
class Model : public QAbstractTableModel
{
public:
    QVector<std::array<QString, 8>> rows;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 8;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(rows.at(index.row()).at(size_t(index.column())))
                                       : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        static const char *names[] = {"Assignment", "Company", "Site",      "Scheduled",
                                      "Status",     "Labels",  "Checklist", "Next due"};
        return orientation == Qt::Horizontal && role == Qt::DisplayRole
                   ? QVariant(QString::fromLatin1(names[section]))
                   : QVariant();
    }
};

void fill(Model &model, const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open())
        qFatal("cannot open %s", qPrintable(path));
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT id, title, company, city, region, time_zone, start_ms, status,"
                          " done, required, next_what, labels FROM assignment_rows"));
    const QLocale locale;
    QHash<QString, QTimeZone> zones;
    while (q.next()) {
        const QString zone = q.value(5).toString();
        auto z = zones.find(zone);
        if (z == zones.end())
            z = zones.insert(zone, QTimeZone(zone.toUtf8()));
        const QDateTime start =
            QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC).toTimeZone(*z);
        model.rows.append(
            {QStringLiteral("#%1 %2").arg(q.value(0).toLongLong()).arg(q.value(1).toString()),
             q.value(2).toString(),
             q.value(3).toString() + QStringLiteral(", ") + q.value(4).toString(),
             locale.toString(start, QStringLiteral("ddd d MMM yyyy HH:mm")) + QLatin1Char(' ') +
                 start.timeZoneAbbreviation(),
             q.value(7).toString(), q.value(11).toString(),
             QStringLiteral("%1 of %2").arg(q.value(8).toInt()).arg(q.value(9).toInt()),
             q.value(10).toString()});
    }
}

} // namespace

int main(int argc, char *argv[])
{
    sinceMain.start();
    QApplication app(argc, argv);
    if (argc < 2)
        qFatal("usage: bench_bare_table CACHE_FILE");
    Model model;
    fill(model, QString::fromLocal8Bit(argv[1]));
    QTableView view;
    view.resize(1280, 760);
    view.setModel(&model);
    if (qEnvironmentVariableIntValue("ONSITE_BENCH_FIRST_PAINT") == 1)
        view.viewport()->installEventFilter(new Probe(&view));
    view.show();
    return app.exec();
}
