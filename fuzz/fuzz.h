/* fuzz.h - what every libFuzzer harness of mod_webcast shares: a pool per
 * input and the input as a NUL-terminated string. */
#ifndef WEBCAST_FUZZ_H
#define WEBCAST_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <apr_general.h>
#include <apr_pools.h>
#include <apr_strings.h>

static apr_pool_t *fuzz_pool(void)
{
    static int ready;
    apr_pool_t *p;

    if (!ready) {
        apr_initialize();
        ready = 1;
    }
    apr_pool_create(&p, NULL);
    return p;
}

static char *fuzz_string(apr_pool_t *p, const uint8_t *data, size_t size)
{
    char *s = apr_palloc(p, size + 1);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* The input cut at its NUL bytes into n strings (fields of a record
 * that hold whatever a database may hold); "" for those past its end. */
static void fuzz_fields(apr_pool_t *p, const uint8_t *data, size_t size,
                        const char **field, int n)
{
    const char *rest = (const char *)data;
    size_t left = size;
    int i;

    for (i = 0; i < n; i++) {
        size_t len = strnlen(rest, left);

        field[i] = apr_pstrndup(p, rest, len);
        len += len < left;                  /* and its NUL */
        rest += len, left -= len;
    }
}

/* A failed property is a crash, so libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond) do { if (!(cond)) abort(); } while (0)

#endif
