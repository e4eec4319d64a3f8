#pragma once

#include "Assignment.h"

#include <QDialog>
#include <QScopedPointer>

class QComboBox;

namespace Ui {
class UploadFilesDialog;
}

namespace onsite {

struct FileChoice {
    QString path;
    QString kind; // sign_off, photo, other
    QString requirementId;
};

// After a drop or "Upload Files": the worker says, for each file, what it is (sign-off sheet,
// photo, other) and which of the assignment's requirements it fulfils. Sensible defaults: images
// are photos, PDFs sign-off sheets, each for the first requirement of that kind still missing.
class UploadFilesDialog : public QDialog
{
    Q_OBJECT
public:
    UploadFilesDialog(const Assignment &a, const QStringList &paths, QWidget *parent = nullptr);
    ~UploadFilesDialog() override;

    QList<FileChoice> choices() const;
    int fileCount() const;
    QComboBox *kindBox(int row) const;
    QComboBox *requirementBox(int row) const;

private:
    void fillRequirements(int row);

    QScopedPointer<Ui::UploadFilesDialog> m_ui;
    Assignment m_assignment;
    QStringList m_paths;
};

} // namespace onsite
