#!/bin/sh
# A test case whose name holds a ';' is cut there by CMake's lists: ctest then asks doctest for
# a case that does not exist, which runs nothing and passes (81 cases never ran so). Names are
# string literals, on the TEST_CASE line or continued on the next ones.
# Usage: check_test_names.sh TESTS_DIR
found=$(find "$1" -name '*.cpp' -exec awk '
    /TEST_CASE\("/ { name = 1 }
    name && /"/ { line = $0; sub(/^[^"]*"/, "", line); sub(/"[^"]*$/, "", line);
                  if (line ~ /;/) print FILENAME ":" FNR ": " $0 }
    name && /\) *\{/ { name = 0 }
' {} +)
if [ -n "$found" ]; then
    echo "test case names with ';' (ctest would not run them):"
    echo "$found"
    exit 1
fi
