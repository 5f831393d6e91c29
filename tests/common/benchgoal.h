#pragma once

#include <cstdio>

/**
 * One line per figure that has a goal, in one shape for every benchmark:
 *
 *     GOAL enqueue/raw                              0.85     goal >= 0.8  met     (2,900 vs 3,400/s)
 *
 * scripts/bench.sh collects these lines from every benchmark into one summary. Ratios are taken
 * against a floor measured in the same run, because absolute figures on a shared machine move by
 * several times from one run to the next.
 */
enum class GoalKind
{
    AtLeast,
    AtMost,
};

/// `note` follows on the line, e.g. the floor the figure was measured against.
inline void printGoal(const char *name, double value, GoalKind kind, double goal, const char *unit = "",
                      const char *note = "")
{
    const bool met = kind == GoalKind::AtLeast ? value >= goal : value <= goal;
    std::printf(value >= 1000 ? "GOAL %-34s %9.0f%-4s goal %s %g%s  %-7s %s\n"
                              : "GOAL %-34s %9.2f%-4s goal %s %g%s  %-7s %s\n",
                name, value, unit, kind == GoalKind::AtLeast ? ">=" : "<=", goal, unit,
                met ? "met" : "NOT MET", note);
    std::fflush(stdout);
}
