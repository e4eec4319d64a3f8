#pragma once

#include <QLoggingCategory>

// Logging categories: turn any on with QT_LOGGING_RULES, e.g. "onsite.sync.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcUpload)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcApp)
