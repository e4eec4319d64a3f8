#pragma once

#include "DashboardRow.h"

#include <QAbstractTableModel>
#include <QVector>

namespace onsite {

// The worker's assignments as a table: one row per assignment, columns as on the dashboard.
// Rows arrive ready-made (DashboardRow) from a background load; the model only serves them.
class DashboardModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Company, City, Scheduled, Status, Labels, Progress, NextDue, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        StatusRole, // AssignmentStatus as int
        LabelsRole, // QStringList of label texts
        LabelCodesRole,
        DoneRole,
        RequiredRole,
        SortRole,
    };

    explicit DashboardModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(QVector<DashboardRow> rows);
    const DashboardRow &rowAt(int row) const { return m_rows.at(row); }
    int rowForId(qint64 id) const;

private:
    QVector<DashboardRow> m_rows;
};

} // namespace onsite
