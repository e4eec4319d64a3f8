#pragma once

#include "Assignment.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace onsite {

class AppSession;
class DocumentCache;

// The client's documents on this computer for the signed-in account: one DocumentCache per
// session (in a folder beside the account's cache file), told after every sync which
// documents the upcoming and in-progress assignments list (read off the UI thread), its
// progress shown on the page; and "open" for the page (documents, and files attached to
// messages), fetching first when there is no copy.
class DocumentFiles : public QObject
{
    Q_OBJECT
public:
    explicit DocumentFiles(AppSession *session, QObject *parent = nullptr);
    ~DocumentFiles() override;

    DocumentCache *cache() const { return m_cache; }
    // The folder of the account whose cache file is `databasePath`.
    static QString folderFor(const QString &databasePath);
    void open(const ClientDocument &d);
    // Reads the documents to keep from the cache file and hands them to the cache; copies no
    // longer wanted are deleted only when `mayDelete` (after a successful sync).
    void refreshWanted(bool mayDelete);
    // The limit set in Settings, applied to the running cache.
    void applyLimit();

private:
    void startCache();
    void stopCache();
    void onChanged(const QString &documentId);
    void openFile(const ClientDocument &d);

    AppSession *m_session;
    QPointer<DocumentCache> m_cache;
    QHash<QString, ClientDocument> m_openAfter; // fetched because the worker opened them
};

} // namespace onsite
