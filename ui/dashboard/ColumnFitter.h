#pragma once

#include <QObject>
#include <QVector>

class QTableView;

namespace onsite {

// Keeps a table's columns inside its width, so no column a worker needs is pushed off-screen
// on a small window: columns whose content has a natural width (dates, status chips, counts)
// get it; the text columns share what is left by weight, each above a minimum, and elide.
// When the content does not fit on one line, rows become two lines tall and the text columns
// wrap (a date over its time, "Upload deliverables ·" over "in 4 h"); when even that does not
// fit, every column gives up width in proportion.
class ColumnFitter : public QObject
{
    Q_OBJECT
public:
    struct Column {
        int weight = 0;  // 0: as wide as its content; otherwise its share of the rest
        int minimum = 0; // flexible columns: never narrower (content width when larger and
                         // contentMinimum is set)
        bool contentMinimum = false;
        bool wraps = false; // its text may take two lines
    };

    ColumnFitter(QTableView *view, QVector<Column> columns);

    // Re-measures the content (after the rows changed) and fits.
    void remeasure();
    void fit();
    bool isTwoLines() const { return m_twoLines; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    QVector<Column> m_columns;
    void measureWrapped();
    int twoLineWidth(int column) const;
    void setTwoLines(bool on);
    // The width every column needs at its least, on one line or two.
    int needed(bool twoLines) const;
    // Each column at its least: content width, or a flexible column's minimum.
    QVector<int> leastWidths(const QVector<int> &content) const;
    void share(QVector<int> &width, const QVector<int> &content, int spare) const;
    void shrink(QVector<int> &width, int deficit, int available) const;

    QVector<int> m_content; // measured content widths, on one line
    QVector<int> m_wrapped; // and on two lines (wrapping columns), when m_wrappedStale is false
    bool m_wrappedStale = true;
    int m_oneLineHeight = 0;
    bool m_twoLines = false;
    bool m_fitting = false;
    bool m_pending = false; // a re-measure is queued
};

} // namespace onsite
