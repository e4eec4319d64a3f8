#pragma once

#include <QObject>

class QAbstractItemView;

namespace onsite {

// Opt-in measurement for bench_coldstart: with ONSITE_BENCH_FIRST_PAINT=1 in the environment,
// the first paint of the dashboard table with rows prints one line (wall clock, time since
// main(), peak RSS where the platform tells it) and quits the app. Does nothing otherwise.
class FirstPaintProbe : public QObject
{
    Q_OBJECT
public:
    // Call first thing in main(): the "since main()" clock starts here.
    static void markStart();
    // Watches `view` when the environment asks for it.
    static void installIfAsked(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintProbe(QAbstractItemView *view);
    void report();

    QAbstractItemView *m_view;
    bool m_done = false;
};

} // namespace onsite
