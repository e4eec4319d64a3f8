#pragma once

#include "Assignment.h"
#include "Operation.h"

#include <QString>
#include <optional>

namespace onsite {

// Wire names of the document's enumerations, in one place for the codec, the server and the UI.
QString toWire(AssignmentStatus v);
QString toWire(PricingType v);
QString toWire(ChecklistKind v);
QString toWire(TaskType v);
QString toWire(TimeLogSource v);
QString toWire(FundsKind v);
QString toWire(FundsStatus v);
QString toWire(DeliverableKind v);
QString toWire(ProblemKind v);
QString toWire(MessageFrom v);
QString toWire(OperationType v);
QString toWire(OperationStatus v);

template <typename E> std::optional<E> fromWire(const QString &s);

} // namespace onsite
