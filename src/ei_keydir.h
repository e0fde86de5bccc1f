/*
 * The keys of ei_hmac_api_key_dir: which file names of the folder hold a
 * project's key, and the lookup by projectId (a sorted array built when the
 * configuration loads, searched in O(log n) for each request).
 *
 * Plain C: nothing here knows nginx.  The keys themselves live in memory
 * the glue provides (excluded from core dumps); entries only point there.
 */

#ifndef EI_KEYDIR_H
#define EI_KEYDIR_H

#include <stddef.h>
#include <stdint.h>


typedef enum {
    EI_KEYDIR_KEY = 0,          /* "<projectId>.key": a project's key */
    EI_KEYDIR_HIDDEN,           /* starts with ".": ignored silently */
    EI_KEYDIR_OTHER             /* anything else: ignored with a warning */
} ei_keydir_name_t;


typedef struct {
    uint64_t              id;
    const unsigned char  *key;
    size_t                len;
} ei_keydir_entry_t;


/*
 * Classifies a file name of the folder.  EI_KEYDIR_KEY sets *id: the name
 * is a canonical projectId (ei_project_id_parse) followed by ".key".
 */
ei_keydir_name_t ei_keydir_name(const unsigned char *name, size_t len,
    uint64_t *id);

/*
 * Sorts n entries by projectId.  Returns 0, or -1 when two entries share a
 * projectId (never the case for names that passed ei_keydir_name, since a
 * projectId has one canonical spelling).
 */
int ei_keydir_sort(ei_keydir_entry_t *entries, size_t n);

/* the entry of id in n sorted entries, or NULL */
const ei_keydir_entry_t *ei_keydir_find(const ei_keydir_entry_t *entries,
    size_t n, uint64_t id);

#endif /* EI_KEYDIR_H */
