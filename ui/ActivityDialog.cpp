#include "ActivityDialog.h"

#include "Theme.h"
#include "ui_ActivityDialog.h"

#include <QHeaderView>
#include <QLocale>

namespace onsite {

ActivityDialog::ActivityDialog(QWidget *parent) : QDialog(parent), m_ui(new Ui::ActivityDialog)
{
    m_ui->setupUi(this);
    m_ui->table->setColumnCount(4);
    m_ui->table->setHorizontalHeaderLabels(
        {tr("Made"), tr("Assignment"), tr("Change"), tr("State")});
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->setAccessibleName(tr("Changes not yet accepted by the server"));
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->dismissButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->table->currentRow();
        if (row >= 0 && row < m_entries.size() &&
            m_entries.at(row).state == QLatin1String("rejected"))
            Q_EMIT dismissRequested(m_entries.at(row).op.opId);
    });
    connect(m_ui->table, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_ui->dismissButton->setEnabled(row >= 0 && row < m_entries.size() &&
                                        m_entries.at(row).state == QLatin1String("rejected"));
    });
    m_ui->dismissButton->setEnabled(false);
}

ActivityDialog::~ActivityDialog() = default;

QString ActivityDialog::describe(const Operation &op)
{
    if (op.type == QLatin1String("schedule.confirm"))
        return tr("Confirm schedule");
    if (op.type == QLatin1String("time_log.delete"))
        return tr("Delete a visit");
    if (op.type == QLatin1String("time_log.upsert"))
        return op.payload.contains(QStringLiteral("check_out")) ? tr("Record a visit or check-out")
                                                                : tr("Check in");
    return op.type;
}

void ActivityDialog::setEntries(const QList<OutboxEntry> &entries,
                                const QHash<qint64, QString> &titles)
{
    m_entries = entries;
    m_ui->table->setRowCount(int(entries.size()));
    int refused = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const OutboxEntry &e = entries.at(i);
        QString state;
        if (e.state == QLatin1String("rejected")) {
            ++refused;
            state = tr("Needs attention — refused by the server: %1").arg(e.lastError);
        } else if (e.attempts > 0) {
            state = tr("Waiting to send (failed attempts: %1; last: %2)")
                        .arg(e.attempts)
                        .arg(e.lastError);
        } else {
            state = tr("Waiting to send");
        }
        const QString title =
            titles.value(e.op.assignmentId, QStringLiteral("#%1").arg(e.op.assignmentId));
        const QStringList cells{
            QLocale().toString(e.op.createdAt.toLocalTime(), QLocale::ShortFormat), title,
            describe(e.op), state};
        for (int c = 0; c < cells.size(); ++c)
            m_ui->table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
        if (e.state == QLatin1String("rejected"))
            m_ui->table->item(i, 3)->setForeground(Theme::color(Theme::Tone::Error));
    }
    m_ui->table->resizeColumnsToContents();
    m_ui->summary->setText(entries.isEmpty()
                               ? tr("Every change you made has been accepted by the server.")
                               : tr("Waiting to be sent: %1 · Refused, needing attention: %2")
                                     .arg(int(entries.size()) - refused)
                                     .arg(refused));
}

int ActivityDialog::rowCount() const
{
    return m_ui->table->rowCount();
}

QString ActivityDialog::rowText(int row) const
{
    QStringList cells;
    for (int c = 0; c < m_ui->table->columnCount(); ++c)
        if (auto *item = m_ui->table->item(row, c))
            cells << item->text();
    return cells.join(QStringLiteral(" | "));
}

void ActivityDialog::selectRow(int row)
{
    m_ui->table->setCurrentCell(row, 0);
}

} // namespace onsite
