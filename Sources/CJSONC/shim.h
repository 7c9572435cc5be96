// json-c (Debian: libjson-c-dev; pkg-config `json-c`), the fast JSON reader for data sets.
#include <json.h>
