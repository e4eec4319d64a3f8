#include <catch2/catch.hpp>

#include "JsonSlicer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace onsite;

// A page's documents are kept as the bytes that arrived: each slice must be exactly one item of
// the array, whatever the strings inside hold.

namespace {

QList<QByteArray> slices(const QByteArray &json)
{
    const auto items = JsonSlicer::arrayItems(json, QLatin1StringView("changes"));
    REQUIRE(items);
    QList<QByteArray> out;
    for (QByteArrayView v : *items)
        out << v.toByteArray();
    return out;
}

} // namespace

TEST_CASE("a page of changes is cut into its documents as the bytes that arrived",
          "[codec][slicer]")
{
    const QByteArray page =
        R"({"cursor":"7","changes":[{"id":1,"t":"a \"quoted\" ] } , text\\"},)"
        R"( {"id":2,"n":[1,[2,{"x":"]"}]]} ,{"id":3}],"removed":[4],"more":false})";
    const QJsonArray parsed = QJsonDocument::fromJson(page).object().value("changes").toArray();
    const QList<QByteArray> items = slices(page);
    REQUIRE(items.size() == parsed.size());
    for (int i = 0; i < items.size(); ++i)
        CHECK(QJsonDocument::fromJson(items.at(i)).object() == parsed.at(i).toObject());
    CHECK(items.at(1).startsWith("{\"id\":2"));
    CHECK(items.at(1).endsWith("]}"));
}

TEST_CASE("a changes key inside a document or a string is not the page's", "[codec][slicer]")
{
    const QByteArray page = R"({"a":{"changes":[1]},"b":"\"changes\":[2]",)"
                            "\n  \"changes\" : [ ] ,\"more\":true}";
    CHECK(slices(page).isEmpty());
}

TEST_CASE("a page of changes laid out unexpectedly is not cut", "[codec][slicer]")
{
    const QLatin1StringView key("changes");
    CHECK_FALSE(JsonSlicer::arrayItems(R"({"changes":{}})", key));
    CHECK_FALSE(JsonSlicer::arrayItems(R"({"changes":[1],"changes":[2]})", key));
    CHECK_FALSE(JsonSlicer::arrayItems(R"({"other":[1]})", key));
    CHECK_FALSE(JsonSlicer::arrayItems(R"([{"changes":[1]}])", key));
    CHECK_FALSE(JsonSlicer::arrayItems(R"({"changes":[1,"open)", key));
}
