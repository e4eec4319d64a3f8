// The feed's byte splice: a stored document's top-level key replaced without parsing, and the
// result the same JSON as parsing, setting and serialising would give.
#include "StoredJson.h"

#include <QJsonArray>
#include <catch2/catch.hpp>

using onsite::server::StoredJson;

namespace {

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

TEST_CASE("a stored document's labels are replaced where they are, nested look-alikes untouched",
          "[server][json]")
{
    // Keys that look like the one we want inside strings and nested objects, escapes, numbers.
    const QJsonObject doc{
        {QStringLiteral("description"), QStringLiteral("say \"labels\":[\"x\"], {not a key}")},
        {QStringLiteral("id"), 42},
        {QStringLiteral("labels"), QJsonArray{QStringLiteral("late")}},
        {QStringLiteral("nested"),
         QJsonObject{{QStringLiteral("labels"), QJsonArray{1, 2}}, {QStringLiteral("z"), true}}},
        {QStringLiteral("title"), QStringLiteral("back\\slash \u00e9")},
        {QStringLiteral("zero"), QJsonValue::Null}};
    const QByteArray stored = QJsonDocument(doc).toJson(QJsonDocument::Compact);
    const QByteArray out = StoredJson::withKey(stored, "labels", R"(["missed","due_soon"])");
    QJsonObject expected = doc;
    expected.insert(QStringLiteral("labels"),
                    QJsonArray{QStringLiteral("missed"), QStringLiteral("due_soon")});
    CHECK(parsed(out) == expected);
    CHECK(out == QJsonDocument(expected).toJson(QJsonDocument::Compact));
}

TEST_CASE("a stored document without the key gets it at the end", "[server][json]")
{
    CHECK(StoredJson::withKey(R"({"a":1,"b":[{"labels":2}]})", "labels", "[]") ==
          R"({"a":1,"b":[{"labels":2}],"labels":[]})");
    CHECK(StoredJson::withKey("{}", "labels", "[]") == R"({"labels":[]})");
    CHECK(StoredJson::withKey(R"({"labels":"x"})", "labels", "[1]") == R"({"labels":[1]})");
}

TEST_CASE("what is not a stored object gives nothing to answer with", "[server][json]")
{
    CHECK(StoredJson::withKey("", "labels", "[]").isEmpty());
    CHECK(StoredJson::withKey("[1,2]", "labels", "[]").isEmpty());
    CHECK(StoredJson::withKey(R"({"a" 1})", "labels", "[]").isEmpty());
}
