#pragma once

#include "Assignment.h"
#include "DocumentCache.h"

#include <QObject>
#include <functional>

class QBoxLayout;
class QLabel;
class QPushButton;
class QTableView;
class QWidget;

namespace onsite {

class DocumentsModel;

// The documents the client company attached (issue 14 §2): name, type, size, when added, and
// whether a copy is on this computer, with a button (and Enter or a double click) to open one
// in the system's viewer. Hidden when there are none. Like the other sections, its controls
// are the page's children, laid out by the page.
class DocumentsSection : public QObject
{
    Q_OBJECT
public:
    using StatusOf = std::function<DocumentCache::Status(const ClientDocument &)>;

    explicit DocumentsSection(QWidget *page);
    void show(const Assignment &a);
    // Where copies stand (the document cache); asked again by refresh().
    void setStatusSource(StatusOf source);
    void refresh(const QString &documentId);

    DocumentsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *openButton() const { return m_open; }
    QString titleText() const;

    void addTo(QBoxLayout *column) const;

Q_SIGNALS:
    void openRequested(const ClientDocument &document);

private:
    void openCurrent();
    void updateButton();

    QLabel *m_title;
    DocumentsModel *m_model;
    QTableView *m_view;
    QPushButton *m_open;
    QLabel *m_note;
    StatusOf m_statusOf;
    QList<ClientDocument> m_documents;
};

} // namespace onsite
