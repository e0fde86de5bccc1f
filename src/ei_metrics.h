/*
 * Counters of the gateway (README, "Metrics"): their layout in one block of
 * shared memory, lock-free counting, and the Prometheus text exposition
 * (format 0.0.4).
 *
 * The block holds a table of project slots, each with dense counters
 * (requests by outcome, upstream 401s, the response-time histogram), and
 * a table of cells for ei_hmac_responses_total, one per (slot, status,
 * source) seen, claimed with compare-and-swap.  Slots are claimed only
 * while a configuration loads (one process at a time); workers only add.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_METRICS_H
#define EI_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "ei_crypto.h"
#include "ei_reason.h"


/* the outcome label of ei_hmac_requests_total */
typedef enum {
    EI_OUTCOME_FORWARDED = 0,
    EI_OUTCOME_REJECTED_METHOD,
    EI_OUTCOME_REJECTED_URI,
    EI_OUTCOME_REJECTED_PROJECT_ID,
    EI_OUTCOME_REJECTED_PROJECT,
    EI_OUTCOME_REJECTED_MEDIA_TYPE,
    EI_OUTCOME_REJECTED_EMPTY,
    EI_OUTCOME_REJECTED_TOO_LARGE,
    EI_OUTCOME_REJECTED_JSON,
    EI_OUTCOME_REJECTED_SCHEMA,
    EI_OUTCOME_REJECTED_WEAK_KEY,
    EI_OUTCOME_REJECTED_DENYLISTED,
    EI_OUTCOME_REJECTED_DEV_KEY,
    EI_OUTCOME_ERROR_NO_KEY,
    EI_OUTCOME_ERROR_INTERNAL,
    EI_OUTCOME_NONE,            /* nginx answered before the gateway decided */
    EI_OUTCOME_MAX
} ei_outcome_t;


/* the source label of ei_hmac_responses_total */
typedef enum {
    EI_SOURCE_GATEWAY = 0,
    EI_SOURCE_UPSTREAM,
    EI_SOURCE_NGINX,
    EI_SOURCE_MAX
} ei_source_t;


/* the slots every block has, whatever the configuration */
#define EI_METRICS_SLOT_NONE   0    /* before a projectId is known */
#define EI_METRICS_SLOT_ANY    1    /* a projectId the configuration does not name */
#define EI_METRICS_SLOT_OTHER  2    /* what found no room */

/* project ids of those slots: above any projectId (EI_PROJECT_ID_MAX) */
#define EI_METRICS_ID_NONE     UINT64_MAX
#define EI_METRICS_ID_ANY      (UINT64_MAX - 1)
#define EI_METRICS_ID_OTHER    (UINT64_MAX - 2)

/* 0.005 0.01 0.025 0.05 0.1 0.25 0.5 1 2.5 5 10 +Inf */
#define EI_METRICS_BUCKETS     12

/* statuses are counted as they are up to this, above it as this */
#define EI_METRICS_STATUS_MAX  999


typedef struct {
    uint64_t      magic;
    uint64_t      size;
    uint64_t      nslots;
    uint64_t      ncells;           /* a power of two */
    uint64_t      slots_used;       /* written by the configuration loader */
    uint64_t      cells_used;
    uint64_t      generation;       /* configurations loaded */
    uint64_t      warned;           /* the generation last warned about */
} ei_metrics_head_t;


typedef struct {
    uint64_t      id;
    uint64_t      requests[EI_OUTCOME_MAX];
    uint64_t      key_rejected;
    uint64_t      buckets[EI_METRICS_BUCKETS];  /* not cumulative */
    uint64_t      sum_ms;
} ei_metrics_slot_t;


typedef struct {
    uint64_t      key;              /* 0: free */
    uint64_t      count;
} ei_metrics_cell_t;


typedef struct {
    ei_metrics_head_t   head;
    /* ei_metrics_slot_t slots[nslots], ei_metrics_cell_t cells[ncells] */
} ei_metrics_t;


/* one request, as the counting sees it */
typedef struct {
    unsigned      slot;
    ei_outcome_t  outcome;
    unsigned      status;
    ei_source_t   source;
    uint64_t      upstream_ms;      /* forwarded requests only */
    int           key_rejected;     /* the upstream answered 401 */
} ei_metrics_event_t;


/* a key loaded from a file, for ei_hmac_api_key_info */
typedef struct {
    uint64_t      project;          /* EI_METRICS_ID_ANY for a location's */
    const char   *source;           /* "file" or "dir" */
    char          fingerprint[EI_FINGERPRINT_LEN + 1];
} ei_metrics_key_t;


/* what a configuration knows, for the gauges */
typedef struct {
    const ei_metrics_key_t  *keys;
    size_t                   nkeys;
    uint64_t                 loaded_sec;
    unsigned                 loaded_msec;
    const char              *version;
    const char              *nginx;
} ei_metrics_info_t;


/* the smallest block ei_metrics_create() accepts */
size_t ei_metrics_min_size(void);

/*
 * Lays out a zeroed block of size bytes at mem (8-byte aligned) with the
 * none, any and other slots; returns NULL when size is too small.
 */
ei_metrics_t *ei_metrics_create(void *mem, size_t size);

/* 1 when m is a block of this layout, whole, 0 otherwise */
int ei_metrics_valid(const ei_metrics_t *m);

/*
 * The slot of a project id: found, or claimed.  -1 when the slot table is
 * full.  Only one process at a time may call it (the one loading a
 * configuration); workers may count meanwhile.
 */
int ei_metrics_slot(ei_metrics_t *m, uint64_t id);

/* the outcome counted for a reason; EI_REASON_MAX: nothing was decided */
ei_outcome_t ei_metrics_outcome(ei_reason_t reason);

/* the outcome's label value */
const char *ei_metrics_outcome_word(ei_outcome_t outcome);

/*
 * Counts one request with atomic adds, no lock.  Returns 0, or 1 when its
 * response found no cell and was counted under project "other" (or, with
 * even that table part full, not at all).
 */
int ei_metrics_count(ei_metrics_t *m, const ei_metrics_event_t *ev);

/*
 * Starts the counting of a newly loaded configuration; returns its
 * generation, for ei_metrics_warn_once().
 */
uint64_t ei_metrics_new_generation(ei_metrics_t *m);

/* 1 for the first caller with this generation, 0 for the others */
int ei_metrics_warn_once(ei_metrics_t *m, uint64_t generation);

/*
 * Room ei_metrics_render() wants in scratch, in cells, at the moment of the
 * call (cells claimed later are left for the next scrape).
 */
size_t ei_metrics_scratch_cells(const ei_metrics_t *m);

/*
 * Writes the exposition into out, like snprintf: returns the length of the
 * whole text, which was written only when it is at most cap (otherwise
 * call again with more room).  scratch holds nscratch cells.
 */
size_t ei_metrics_render(const ei_metrics_t *m, const ei_metrics_info_t *info,
    ei_metrics_cell_t *scratch, size_t nscratch, char *out, size_t cap);

/* the Content-Type of the exposition */
#define EI_METRICS_CONTENT_TYPE  "text/plain; version=0.0.4; charset=utf-8"

#endif /* EI_METRICS_H */
