#pragma once

#include "SchemaMigrator.h"

namespace onsite {

// The app's cache schema, one step per version; LocalStore's writer applies them in order
// (SchemaMigrator), readers only check the version.
class CacheSchema
{
public:
    static QList<SchemaMigrator::Step> steps();
};

} // namespace onsite
