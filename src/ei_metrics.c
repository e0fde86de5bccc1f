/*
 * Counters of the gateway: layout, lock-free counting, exposition.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/crypto.h>

#include "ei_metrics.h"


#define EI_METRICS_MAGIC  0x6569686d61630001ULL     /* "eihmac", layout 1 */

/*
 * Cells for ei_hmac_responses_total: a project's new series is refused
 * past half of the table (so that probes stay short), and one of "other"
 * past three quarters; what is left is never filled, so that a search for
 * a key always ends at a free cell.
 */
#define EI_METRICS_CELLS_PROJECT(n)  ((n) / 2)
#define EI_METRICS_CELLS_OTHER(n)    ((n) / 4 * 3)

/* cells for series claimed between ei_metrics_scratch_cells() and render */
#define EI_METRICS_SCRATCH_SLACK     16


typedef struct {
    char         *p;
    char         *end;
    size_t        len;
} ei_writer_t;


static ei_metrics_slot_t *ei_metrics_slots(const ei_metrics_t *m);
static ei_metrics_cell_t *ei_metrics_cells(const ei_metrics_t *m);
static ei_metrics_cell_t *ei_metrics_cell(ei_metrics_t *m, uint64_t key,
    uint64_t limit);
static unsigned ei_metrics_bucket(uint64_t ms);
static int ei_metrics_cell_cmp(const void *a, const void *b);
static void ei_render_family(ei_writer_t *w, const char *name,
    const char *type, const char *help);
static void ei_render_project(ei_writer_t *w, const char *name,
    const ei_metrics_slot_t *slot);
static void ei_render_histogram(ei_writer_t *w, const ei_metrics_slot_t *s);
static void ei_write(ei_writer_t *w, const char *s, size_t len);
static void ei_write_str(ei_writer_t *w, const char *s);
static void ei_write_u64(ei_writer_t *w, uint64_t v);
static void ei_write_ms(ei_writer_t *w, uint64_t ms);
static void ei_write_label(ei_writer_t *w, const char *name,
    const char *value);


static const char  *ei_outcome_words[EI_OUTCOME_MAX] = {
    [EI_OUTCOME_FORWARDED] = "forwarded",
    [EI_OUTCOME_REJECTED_METHOD] = "rejected_method",
    [EI_OUTCOME_REJECTED_URI] = "rejected_uri",
    [EI_OUTCOME_REJECTED_PROJECT_ID] = "rejected_project_id",
    [EI_OUTCOME_REJECTED_PROJECT] = "rejected_project",
    [EI_OUTCOME_REJECTED_MEDIA_TYPE] = "rejected_media_type",
    [EI_OUTCOME_REJECTED_EMPTY] = "rejected_empty",
    [EI_OUTCOME_REJECTED_TOO_LARGE] = "rejected_too_large",
    [EI_OUTCOME_REJECTED_JSON] = "rejected_json",
    [EI_OUTCOME_REJECTED_SCHEMA] = "rejected_schema",
    [EI_OUTCOME_REJECTED_WEAK_KEY] = "rejected_weak_key",
    [EI_OUTCOME_REJECTED_DENYLISTED] = "rejected_denylisted",
    [EI_OUTCOME_REJECTED_DEV_KEY] = "rejected_development_key",
    [EI_OUTCOME_ERROR_NO_KEY] = "error_no_key",
    [EI_OUTCOME_ERROR_INTERNAL] = "error_internal",
    [EI_OUTCOME_NONE] = "none",
};


static const ei_outcome_t  ei_reason_outcomes[EI_REASON_MAX] = {
    [EI_OK] = EI_OUTCOME_FORWARDED,
    [EI_REJECT_METHOD] = EI_OUTCOME_REJECTED_METHOD,
    [EI_REJECT_URI_FORM] = EI_OUTCOME_REJECTED_URI,
    [EI_REJECT_URI_PATH] = EI_OUTCOME_REJECTED_URI,
    [EI_REJECT_PROJECT_ID] = EI_OUTCOME_REJECTED_PROJECT_ID,
    [EI_REJECT_PROJECT] = EI_OUTCOME_REJECTED_PROJECT,
    [EI_REJECT_MEDIA_TYPE] = EI_OUTCOME_REJECTED_MEDIA_TYPE,
    [EI_REJECT_EMPTY] = EI_OUTCOME_REJECTED_EMPTY,
    [EI_REJECT_TOO_LARGE] = EI_OUTCOME_REJECTED_TOO_LARGE,
    [EI_REJECT_JSON] = EI_OUTCOME_REJECTED_JSON,
    [EI_REJECT_SCHEMA] = EI_OUTCOME_REJECTED_SCHEMA,
    [EI_REJECT_WEAK_KEY] = EI_OUTCOME_REJECTED_WEAK_KEY,
    [EI_REJECT_DENYLISTED] = EI_OUTCOME_REJECTED_DENYLISTED,
    [EI_REJECT_DEV_KEY] = EI_OUTCOME_REJECTED_DEV_KEY,
    [EI_ERROR_NO_KEY] = EI_OUTCOME_ERROR_NO_KEY,
    [EI_ERROR_INTERNAL] = EI_OUTCOME_ERROR_INTERNAL,
};


static const char  *ei_source_words[EI_SOURCE_MAX] = {
    [EI_SOURCE_GATEWAY] = "gateway",
    [EI_SOURCE_UPSTREAM] = "upstream",
    [EI_SOURCE_NGINX] = "nginx",
};


/* upper bounds of the finite buckets, in milliseconds, and their labels */
static const uint64_t  ei_bucket_ms[EI_METRICS_BUCKETS - 1] = {
    5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000
};

static const char  *ei_bucket_le[EI_METRICS_BUCKETS] = {
    "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5",
    "10", "+Inf"
};


size_t
ei_metrics_min_size(void)
{
    /* the three fixed slots, a few more, and some cells */
    return sizeof(ei_metrics_head_t) + 8 * sizeof(ei_metrics_slot_t)
           + 128 * sizeof(ei_metrics_cell_t);
}


ei_metrics_t *
ei_metrics_create(void *mem, size_t size)
{
    size_t              avail, ncells;
    ei_metrics_t       *m;
    ei_metrics_slot_t  *slots;

    if (size < ei_metrics_min_size()) {
        return NULL;
    }

    memset(mem, 0, size);

    m = mem;
    avail = size - sizeof(ei_metrics_head_t);

    /* a project takes a slot and a handful of cells: 2/5 and 3/5 */

    ncells = avail / 5 * 3 / sizeof(ei_metrics_cell_t);

    m->head.magic = EI_METRICS_MAGIC;
    m->head.size = size;
    m->head.ncells = ncells;
    m->head.nslots = (avail - ncells * sizeof(ei_metrics_cell_t))
                     / sizeof(ei_metrics_slot_t);

    slots = ei_metrics_slots(m);

    slots[EI_METRICS_SLOT_NONE].id = EI_METRICS_ID_NONE;
    slots[EI_METRICS_SLOT_ANY].id = EI_METRICS_ID_ANY;
    slots[EI_METRICS_SLOT_OTHER].id = EI_METRICS_ID_OTHER;
    m->head.slots_used = 3;

    return m;
}


int
ei_metrics_valid(const ei_metrics_t *m)
{
    return m->head.magic == EI_METRICS_MAGIC
           && m->head.slots_used <= m->head.nslots
           && sizeof(ei_metrics_head_t)
              + m->head.nslots * sizeof(ei_metrics_slot_t)
              + m->head.ncells * sizeof(ei_metrics_cell_t)
              <= m->head.size;
}


int
ei_metrics_slot(ei_metrics_t *m, uint64_t id)
{
    uint64_t            i, n;
    ei_metrics_slot_t  *slots;

    slots = ei_metrics_slots(m);
    n = m->head.slots_used;

    for (i = 0; i < n; i++) {
        if (slots[i].id == id) {
            return (int) i;
        }
    }

    if (n == m->head.nslots) {
        return -1;
    }

    /* its counters are still zero: a slot is never given back */

    slots[n].id = id;
    __atomic_store_n(&m->head.slots_used, n + 1, __ATOMIC_RELEASE);

    return (int) n;
}


ei_outcome_t
ei_metrics_outcome(ei_reason_t reason)
{
    if ((unsigned) reason >= EI_REASON_MAX) {
        return EI_OUTCOME_NONE;
    }

    return ei_reason_outcomes[reason];
}


const char *
ei_metrics_outcome_word(ei_outcome_t outcome)
{
    return ei_outcome_words[(unsigned) outcome < EI_OUTCOME_MAX
                            ? outcome : EI_OUTCOME_NONE];
}


int
ei_metrics_count(ei_metrics_t *m, const ei_metrics_event_t *ev)
{
    int                 overflow;
    uint64_t            key, status;
    ei_metrics_slot_t  *slot;
    ei_metrics_cell_t  *cell;

    slot = &ei_metrics_slots(m)[ev->slot];

    __atomic_fetch_add(&slot->requests[ev->outcome], 1, __ATOMIC_RELAXED);

    if (ev->outcome == EI_OUTCOME_FORWARDED) {
        __atomic_fetch_add(&slot->buckets[ei_metrics_bucket(ev->upstream_ms)],
                           1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&slot->sum_ms, ev->upstream_ms, __ATOMIC_RELAXED);
    }

    if (ev->key_rejected) {
        __atomic_fetch_add(&slot->key_rejected, 1, __ATOMIC_RELAXED);
    }

    status = ev->status > EI_METRICS_STATUS_MAX ? EI_METRICS_STATUS_MAX
                                                : ev->status;
    key = (status << 2) | ev->source;

    overflow = 0;

    cell = ei_metrics_cell(m, ((uint64_t) (ev->slot + 1) << 12) | key,
                           EI_METRICS_CELLS_PROJECT(m->head.ncells));

    if (cell == NULL) {
        overflow = 1;
        cell = ei_metrics_cell(m, ((uint64_t) (EI_METRICS_SLOT_OTHER + 1) << 12)
                                  | key,
                               EI_METRICS_CELLS_OTHER(m->head.ncells));
    }

    if (cell) {
        __atomic_fetch_add(&cell->count, 1, __ATOMIC_RELAXED);
    }

    return overflow;
}


uint64_t
ei_metrics_new_generation(ei_metrics_t *m)
{
    return __atomic_add_fetch(&m->head.generation, 1, __ATOMIC_RELAXED);
}


int
ei_metrics_warn_once(ei_metrics_t *m, uint64_t generation)
{
    uint64_t  warned;

    warned = __atomic_load_n(&m->head.warned, __ATOMIC_RELAXED);

    if (warned == generation) {
        return 0;
    }

    return __atomic_compare_exchange_n(&m->head.warned, &warned, generation,
                                       0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}


size_t
ei_metrics_scratch_cells(const ei_metrics_t *m)
{
    return __atomic_load_n(&m->head.cells_used, __ATOMIC_RELAXED)
           + EI_METRICS_SCRATCH_SLACK;
}


static ei_metrics_slot_t *
ei_metrics_slots(const ei_metrics_t *m)
{
    return (ei_metrics_slot_t *) ((char *) m + sizeof(ei_metrics_head_t));
}


static ei_metrics_cell_t *
ei_metrics_cells(const ei_metrics_t *m)
{
    return (ei_metrics_cell_t *) (ei_metrics_slots(m) + m->head.nslots);
}


/*
 * The cell of a key, found or claimed with compare-and-swap (open
 * addressing, linear probing; cells are never freed, so a free cell ends
 * the search).  NULL when the key is new and the table holds limit cells.
 */

static ei_metrics_cell_t *
ei_metrics_cell(ei_metrics_t *m, uint64_t key, uint64_t limit)
{
    uint64_t            i, n, probes, k, expected;
    ei_metrics_cell_t  *cells;

    cells = ei_metrics_cells(m);
    n = m->head.ncells;

    /* Fibonacci hashing, then a multiply-shift into [0, n) */

    i = (((key * 0x9e3779b97f4a7c15ULL) >> 32) * n) >> 32;

    for (probes = 0; probes < n; probes++) {

        k = __atomic_load_n(&cells[i].key, __ATOMIC_RELAXED);

        if (k == key) {
            return &cells[i];
        }

        if (k == 0) {
            if (__atomic_load_n(&m->head.cells_used, __ATOMIC_RELAXED)
                >= limit)
            {
                return NULL;
            }

            expected = 0;

            if (__atomic_compare_exchange_n(&cells[i].key, &expected, key, 0,
                                            __ATOMIC_RELAXED,
                                            __ATOMIC_RELAXED))
            {
                __atomic_fetch_add(&m->head.cells_used, 1, __ATOMIC_RELAXED);
                return &cells[i];
            }

            if (expected == key) {
                /* another worker claimed it for the same series */
                return &cells[i];
            }
        }

        if (++i == n) {
            i = 0;
        }
    }

    return NULL;
}


static unsigned
ei_metrics_bucket(uint64_t ms)
{
    unsigned  b;

    for (b = 0; b < EI_METRICS_BUCKETS - 1; b++) {
        if (ms <= ei_bucket_ms[b]) {
            break;
        }
    }

    return b;
}


size_t
ei_metrics_render(const ei_metrics_t *m, const ei_metrics_info_t *info,
    ei_metrics_cell_t *scratch, size_t nscratch, char *out, size_t cap)
{
    size_t                    i, n, o;
    uint64_t                  slots_used, v;
    ei_writer_t               w;
    const ei_metrics_slot_t  *slots, *s;
    const ei_metrics_cell_t  *cells;

    w.p = out;
    w.end = out + cap;
    w.len = 0;

    slots = ei_metrics_slots(m);
    slots_used = __atomic_load_n(&m->head.slots_used, __ATOMIC_ACQUIRE);

    ei_render_family(&w, "ei_hmac_build_info", "gauge",
                     "Versions the module was built with and runs against.");
    ei_write_str(&w, "ei_hmac_build_info{");
    ei_write_label(&w, "version", info->version);
    ei_write_str(&w, ",");
    ei_write_label(&w, "nginx", info->nginx);
    ei_write_str(&w, ",");
    ei_write_label(&w, "jansson", jansson_version_str());
    ei_write_str(&w, ",");
    ei_write_label(&w, "openssl", OpenSSL_version(OPENSSL_VERSION_STRING));
    ei_write_str(&w, "} 1\n");

    ei_render_family(&w, "ei_hmac_config_loaded_timestamp_seconds", "gauge",
                     "Unix time at which the running configuration was "
                     "loaded.");
    ei_write_str(&w, "ei_hmac_config_loaded_timestamp_seconds ");
    ei_write_ms(&w, info->loaded_sec * 1000 + info->loaded_msec % 1000);
    ei_write_str(&w, "\n");

    ei_render_family(&w, "ei_hmac_api_key_info", "gauge",
                     "One series per API key loaded from a file; fingerprint "
                     "is sha256: and the first 16 hex digits of its "
                     "SHA-256.");

    for (i = 0; i < info->nkeys; i++) {
        ei_write_str(&w, "ei_hmac_api_key_info{project=\"");
        if (info->keys[i].project == EI_METRICS_ID_ANY) {
            ei_write_str(&w, "any");
        } else {
            ei_write_u64(&w, info->keys[i].project);
        }
        ei_write_str(&w, "\",");
        ei_write_label(&w, "source", info->keys[i].source);
        ei_write_str(&w, ",");
        ei_write_label(&w, "fingerprint", info->keys[i].fingerprint);
        ei_write_str(&w, "} 1\n");
    }

    ei_render_family(&w, "ei_hmac_requests_total", "counter",
                     "Requests handled by ei_hmac locations, by project and "
                     "outcome.");

    for (i = 0; i < slots_used; i++) {
        for (o = 0; o < EI_OUTCOME_MAX; o++) {
            v = __atomic_load_n(&slots[i].requests[o], __ATOMIC_RELAXED);

            if (v == 0) {
                continue;
            }

            ei_render_project(&w, "ei_hmac_requests_total", &slots[i]);
            ei_write_str(&w, ",");
            ei_write_label(&w, "outcome", ei_metrics_outcome_word(o));
            ei_write_str(&w, "} ");
            ei_write_u64(&w, v);
            ei_write_str(&w, "\n");
        }
    }

    ei_render_family(&w, "ei_hmac_responses_total", "counter",
                     "Final responses of ei_hmac locations, by project, "
                     "status and source (gateway, upstream or nginx).");

    /* a snapshot of the claimed cells, in the order of their keys */

    cells = ei_metrics_cells(m);
    n = 0;

    for (i = 0; i < m->head.ncells && n < nscratch; i++) {
        scratch[n].key = __atomic_load_n(&cells[i].key, __ATOMIC_RELAXED);

        if (scratch[n].key) {
            scratch[n].count = __atomic_load_n(&cells[i].count,
                                               __ATOMIC_RELAXED);
            n++;
        }
    }

    qsort(scratch, n, sizeof(ei_metrics_cell_t), ei_metrics_cell_cmp);

    for (i = 0; i < n; i++) {
        if (scratch[i].count == 0 || (scratch[i].key >> 12) > slots_used) {
            continue;
        }

        ei_render_project(&w, "ei_hmac_responses_total",
                          &slots[(scratch[i].key >> 12) - 1]);
        ei_write_str(&w, ",status=\"");
        ei_write_u64(&w, (scratch[i].key >> 2) & 0x3ff);
        ei_write_str(&w, "\",");
        ei_write_label(&w, "source", ei_source_words[scratch[i].key & 3]);
        ei_write_str(&w, "} ");
        ei_write_u64(&w, scratch[i].count);
        ei_write_str(&w, "\n");
    }

    ei_render_family(&w, "ei_hmac_upstream_api_key_rejected_total", "counter",
                     "Studio answered 401 to the gateway's API key.");

    for (i = EI_METRICS_SLOT_ANY; i < slots_used; i++) {
        s = &slots[i];
        v = __atomic_load_n(&s->key_rejected, __ATOMIC_RELAXED);

        if (i == EI_METRICS_SLOT_OTHER && v == 0) {
            continue;
        }

        ei_render_project(&w, "ei_hmac_upstream_api_key_rejected_total", s);
        ei_write_str(&w, "} ");
        ei_write_u64(&w, v);
        ei_write_str(&w, "\n");
    }

    ei_render_family(&w, "ei_hmac_upstream_response_seconds", "histogram",
                     "Time from forwarding a request to the upstream's "
                     "response header (or to nginx giving up on it).");

    for (i = 0; i < slots_used; i++) {
        ei_render_histogram(&w, &slots[i]);
    }

    return w.len;
}


static int
ei_metrics_cell_cmp(const void *a, const void *b)
{
    const ei_metrics_cell_t  *x = a, *y = b;

    return (x->key > y->key) - (x->key < y->key);
}


static void
ei_render_family(ei_writer_t *w, const char *name, const char *type,
    const char *help)
{
    /* the texts are constants without a backslash or a line feed */

    ei_write_str(w, "# HELP ");
    ei_write_str(w, name);
    ei_write_str(w, " ");
    ei_write_str(w, help);
    ei_write_str(w, "\n# TYPE ");
    ei_write_str(w, name);
    ei_write_str(w, " ");
    ei_write_str(w, type);
    ei_write_str(w, "\n");
}


/* NAME{project="..." : the caller adds the other labels and the value */

static void
ei_render_project(ei_writer_t *w, const char *name,
    const ei_metrics_slot_t *slot)
{
    ei_write_str(w, name);
    ei_write_str(w, "{project=\"");

    switch (slot->id) {

    case EI_METRICS_ID_NONE:
        ei_write_str(w, "none");
        break;

    case EI_METRICS_ID_ANY:
        ei_write_str(w, "any");
        break;

    case EI_METRICS_ID_OTHER:
        ei_write_str(w, "other");
        break;

    default:
        ei_write_u64(w, slot->id);
    }

    ei_write_str(w, "\"");
}


static void
ei_render_histogram(ei_writer_t *w, const ei_metrics_slot_t *s)
{
    unsigned  b;
    uint64_t  counts[EI_METRICS_BUCKETS], total, sum;

    /* the count is the sum of the buckets read, so that +Inf equals it */

    total = 0;

    for (b = 0; b < EI_METRICS_BUCKETS; b++) {
        counts[b] = __atomic_load_n(&s->buckets[b], __ATOMIC_RELAXED);
        total += counts[b];
    }

    if (total == 0) {
        return;
    }

    sum = __atomic_load_n(&s->sum_ms, __ATOMIC_RELAXED);

    total = 0;

    for (b = 0; b < EI_METRICS_BUCKETS; b++) {
        total += counts[b];

        ei_render_project(w, "ei_hmac_upstream_response_seconds_bucket", s);
        ei_write_str(w, ",le=\"");
        ei_write_str(w, ei_bucket_le[b]);
        ei_write_str(w, "\"} ");
        ei_write_u64(w, total);
        ei_write_str(w, "\n");
    }

    ei_render_project(w, "ei_hmac_upstream_response_seconds_sum", s);
    ei_write_str(w, "} ");
    ei_write_ms(w, sum);
    ei_write_str(w, "\n");

    ei_render_project(w, "ei_hmac_upstream_response_seconds_count", s);
    ei_write_str(w, "} ");
    ei_write_u64(w, total);
    ei_write_str(w, "\n");
}


/* appends what fits, and counts everything */

static void
ei_write(ei_writer_t *w, const char *s, size_t len)
{
    if ((size_t) (w->end - w->p) >= len) {
        if (len) {
            memcpy(w->p, s, len);
        }

        w->p += len;

    } else {
        /* nothing more is written: the caller calls again with more room */
        w->p = w->end;
    }

    w->len += len;
}


static void
ei_write_str(ei_writer_t *w, const char *s)
{
    ei_write(w, s, strlen(s));
}


static void
ei_write_u64(ei_writer_t *w, uint64_t v)
{
    char   buf[20], *p;

    p = buf + sizeof(buf);

    do {
        *--p = (char) ('0' + v % 10);
        v /= 10;
    } while (v);

    ei_write(w, p, buf + sizeof(buf) - p);
}


/* milliseconds as seconds with three decimals */

static void
ei_write_ms(ei_writer_t *w, uint64_t ms)
{
    char  frac[4];

    frac[0] = '.';
    frac[1] = (char) ('0' + ms % 1000 / 100);
    frac[2] = (char) ('0' + ms % 100 / 10);
    frac[3] = (char) ('0' + ms % 10);

    ei_write_u64(w, ms / 1000);
    ei_write(w, frac, sizeof(frac));
}


/* name="value", the value escaped as the text format wants */

static void
ei_write_label(ei_writer_t *w, const char *name, const char *value)
{
    const char  *p;

    ei_write_str(w, name);
    ei_write_str(w, "=\"");

    for (p = value; *p; p++) {
        switch (*p) {

        case '\\':
            ei_write_str(w, "\\\\");
            break;

        case '"':
            ei_write_str(w, "\\\"");
            break;

        case '\n':
            ei_write_str(w, "\\n");
            break;

        default:
            ei_write(w, p, 1);
        }
    }

    ei_write_str(w, "\"");
}
