#pragma once

#include "Assignment.h"

#include <QCoreApplication>
#include <QString>

namespace onsite {

struct PayBreakdown;

// The assignment page's details as rich text: description, schedule with the check-in window,
// site, phone check-in, pay so far (and what is over budget, with a link to request it),
// tasks, close-out notes and history. Times in the site's zone with the worker's beside.
class AssignmentDetails
{
    Q_DECLARE_TR_FUNCTIONS(onsite::AssignmentDetails)
public:
    static QString html(const Assignment &a);

private:
    static QString schedule(const Assignment &a);
    static QString site(const Assignment &a);
    static QString pay(const Assignment &a);
    static QString overBudget(const Assignment &a, const PayBreakdown &pay);
    static QString tasks(const Assignment &a);
    static QString history(const Assignment &a);
};

} // namespace onsite
