// libFuzzer target: the assignment document codec (AssignmentCodec, JsonReader).
// Input: any bytes. When they are a JSON object the codec either refuses it with an error that
// names the field, or accepts it; an accepted document must then survive encode / decode /
// store-as-text / decode unchanged (FuzzSupport.h). Run through scripts/fuzz.sh.

#include "AssignmentCodec.h"
#include "FuzzSupport.h"

using namespace onsite;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > fuzz::kMaxInput)
        return 0;
    const auto o = fuzz::parseObject(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!o)
        return 0;
    QString error = QStringLiteral("stale");
    const auto a = AssignmentCodec::fromJson(*o, &error);
    // ONSITE_FUZZ_TRACE=1 prints the codec's answer, to check what a seed or reproducer does.
    static const bool trace = qEnvironmentVariableIsSet("ONSITE_FUZZ_TRACE");
    if (trace)
        std::fprintf(stderr, "%s\n", a ? "accepted" : qPrintable(error));
    if (!a) {
        // A refusal always says what is wrong, as "field: message".
        if (error.isEmpty() || !error.contains(QLatin1String(": ")))
            fuzz::broken("codec refused without naming the field", error);
        return 0;
    }
    if (!error.isEmpty())
        fuzz::broken("codec accepted but left an error", error);
    // A null error pointer is allowed and must give the same answer.
    if (!AssignmentCodec::fromJson(*o, nullptr))
        fuzz::broken("codec answered differently without an error pointer");
    // In memory: encode, decode, encode gives the same encoding ...
    const QJsonObject encoded = AssignmentCodec::toJson(*a);
    const auto again = AssignmentCodec::fromJson(encoded, &error);
    if (!again)
        fuzz::broken("the encoded document does not decode",
                     error + QLatin1Char('\n') + QString::fromUtf8(fuzz::compact(encoded)));
    const QJsonObject reencoded = AssignmentCodec::toJson(*again);
    if (reencoded != encoded)
        fuzz::broken("encode(decode(encode(a))) != encode(a)",
                     QString::fromUtf8(fuzz::compact(encoded)) + QLatin1Char('\n') +
                         QString::fromUtf8(fuzz::compact(reencoded)));
    // ... and so does the trip through stored JSON text.
    fuzz::checkStoredRoundTrip(encoded, "codec round trip through JSON text");
    return 0;
}
