/*
 * The keys of ei_hmac_api_key_dir: file names and the lookup by projectId.
 */

#include "ei_keydir.h"

#include <stdlib.h>
#include <string.h>

#include "ei_target.h"


#define EI_KEYDIR_SUFFIX      ".key"
#define EI_KEYDIR_SUFFIX_LEN  (sizeof(EI_KEYDIR_SUFFIX) - 1)


static int ei_keydir_cmp(const void *a, const void *b);


ei_keydir_name_t
ei_keydir_name(const unsigned char *name, size_t len, uint64_t *id)
{
    if (len && name[0] == '.') {
        return EI_KEYDIR_HIDDEN;
    }

    if (len <= EI_KEYDIR_SUFFIX_LEN
        || memcmp(name + len - EI_KEYDIR_SUFFIX_LEN, EI_KEYDIR_SUFFIX,
                  EI_KEYDIR_SUFFIX_LEN) != 0)
    {
        return EI_KEYDIR_OTHER;
    }

    /* one rule for a projectId, here as in a request target */

    if (ei_project_id_parse(name, len - EI_KEYDIR_SUFFIX_LEN, id) != 0) {
        return EI_KEYDIR_OTHER;
    }

    return EI_KEYDIR_KEY;
}


int
ei_keydir_sort(ei_keydir_entry_t *entries, size_t n)
{
    size_t  i;

    if (n < 2) {
        return 0;
    }

    qsort(entries, n, sizeof(ei_keydir_entry_t), ei_keydir_cmp);

    for (i = 1; i < n; i++) {
        if (entries[i - 1].id == entries[i].id) {
            return -1;
        }
    }

    return 0;
}


static int
ei_keydir_cmp(const void *a, const void *b)
{
    const ei_keydir_entry_t  *x = a, *y = b;

    return (x->id > y->id) - (x->id < y->id);
}


const ei_keydir_entry_t *
ei_keydir_find(const ei_keydir_entry_t *entries, size_t n, uint64_t id)
{
    size_t  lo, hi, mid;

    lo = 0;
    hi = n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (entries[mid].id == id) {
            return &entries[mid];
        }

        if (entries[mid].id < id) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return NULL;
}
