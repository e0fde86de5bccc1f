
/*
 * Metrics (README, "Metrics"): ei_hmac_metrics_zone and ei_hmac_metrics.
 *
 * While a configuration loads, the rest of the module registers the
 * projects it names and the keys it reads from files.  When the zone is
 * created or reused (a reload that keeps its size), every named project
 * gets a slot there, so that a worker counts a request with a binary
 * search and a few atomic adds, in the log phase, when its response is
 * final (ngx_http_ei_hmac_metrics_log.c, with the handler of
 * ei_hmac_metrics, which renders the zone and the configuration's
 * gauges).  The layout, the counting and the text are in
 * src/ei_metrics.c.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <nginx.h>

#include "ngx_http_ei_hmac.h"
#include "ngx_http_ei_hmac_metrics.h"

#include "ei_crypto.h"
#include "ei_metrics.h"
#include "ei_version.h"


static ngx_int_t ngx_http_ei_hmac_metrics_init_zone(ngx_shm_zone_t *shm_zone,
    void *data);
static int ngx_libc_cdecl ngx_http_ei_hmac_metrics_cmp_id(const void *a,
    const void *b);
static ngx_http_ei_hmac_metrics_location_t *
    ngx_http_ei_hmac_metrics_location(ngx_http_ei_hmac_metrics_conf_t *mcf,
    ngx_http_core_loc_conf_t *clcf);


static ngx_str_t  ngx_http_ei_hmac_metrics_zone_name =
    ngx_string("ei_hmac_metrics");



void *
ngx_http_ei_hmac_metrics_create_conf(ngx_conf_t *cf)
{
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    mcf = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_metrics_conf_t));
    if (mcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     mcf->zone = NULL;
     *     mcf->metrics = NULL;
     *     mcf->projects = NULL;
     */

    mcf->ids = ngx_array_create(cf->pool, 4, sizeof(uint64_t));
    if (mcf->ids == NULL) {
        return NULL;
    }

    mcf->keys = ngx_array_create(cf->pool, 2, sizeof(ei_metrics_key_t));
    if (mcf->keys == NULL) {
        return NULL;
    }

    mcf->locations = ngx_array_create(cf->pool, 1,
                                 sizeof(ngx_http_ei_hmac_metrics_location_t));
    if (mcf->locations == NULL) {
        return NULL;
    }

    return mcf;
}


char *
ngx_http_ei_hmac_metrics_zone(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_metrics_conf_t *mcf = conf;

    ssize_t     size;
    ngx_str_t  *value;

    if (mcf->zone) {
        return "is duplicate";
    }

    value = cf->args->elts;

    size = ngx_parse_size(&value[1]);

    if (size == NGX_ERROR) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid size \"%V\" in \"%V\"", &value[1],
                           &cmd->name);
        return NGX_CONF_ERROR;
    }

    /* what ngx_slab_init() needs beside the counters: limit_req's minimum */

    if (size < (ssize_t) (8 * ngx_pagesize)) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"%V\" of %V is too small: at least %uzk",
                           &cmd->name, &value[1], 8 * ngx_pagesize / 1024);
        return NGX_CONF_ERROR;
    }

    mcf->zone = ngx_shared_memory_add(cf, &ngx_http_ei_hmac_metrics_zone_name,
                                      size, &ngx_http_ei_hmac_module);
    if (mcf->zone == NULL) {
        return NGX_CONF_ERROR;
    }

    mcf->zone->init = ngx_http_ei_hmac_metrics_init_zone;
    mcf->zone->data = mcf;

    return NGX_CONF_OK;
}


char *
ngx_http_ei_hmac_metrics(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_metrics_conf_t *mcf = conf;

    ngx_http_core_loc_conf_t             *clcf;
    ngx_http_ei_hmac_metrics_location_t  *loc;

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);

    if (clcf->handler == ngx_http_ei_hmac_metrics_handler) {
        return "is duplicate";
    }

    clcf->handler = ngx_http_ei_hmac_metrics_handler;

    loc = ngx_array_push(mcf->locations);
    if (loc == NULL) {
        return NGX_CONF_ERROR;
    }

    loc->clcf = clcf;
    loc->file = cf->conf_file->file.name;
    loc->line = cf->conf_file->line;

    return NGX_CONF_OK;
}


ngx_int_t
ngx_http_ei_hmac_metrics_add_projects(ngx_conf_t *cf, const uint64_t *ids,
    ngx_uint_t n)
{
    uint64_t                         *id;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    mcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_ei_hmac_module);

    id = ngx_array_push_n(mcf->ids, n);
    if (id == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(id, ids, n * sizeof(uint64_t));

    return NGX_OK;
}


ngx_int_t
ngx_http_ei_hmac_metrics_add_key(ngx_conf_t *cf, uint64_t project,
    const char *source, const u_char *key, size_t len)
{
    u_char                            digest[EI_SHA256_LEN];
    ngx_uint_t                        i;
    ei_metrics_key_t                 *k, info;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    mcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_ei_hmac_module);

    if (ei_sha256(key, len, digest) != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "ei_hmac could not compute SHA-256");
        return NGX_ERROR;
    }

    info.project = project;
    info.source = source;
    ei_fingerprint(digest, info.fingerprint);

    ei_cleanse(digest, sizeof(digest));

    if (project != NGX_HTTP_EI_HMAC_METRICS_ANY
        && ngx_http_ei_hmac_metrics_add_projects(cf, &project, 1) != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* the same file at several levels is one key */

    k = mcf->keys->elts;

    for (i = 0; i < mcf->keys->nelts; i++) {
        if (k[i].project == project
            && ngx_strcmp(k[i].source, source) == 0
            && ngx_strcmp(k[i].fingerprint, info.fingerprint) == 0)
        {
            return NGX_OK;
        }
    }

    k = ngx_array_push(mcf->keys);
    if (k == NULL) {
        return NGX_ERROR;
    }

    *k = info;

    return NGX_OK;
}


/*
 * After the http block: the projects sorted, each once, for the binary
 * search of the log phase; the slots are found when the zone is ready.
 */

char *
ngx_http_ei_hmac_metrics_init_conf(ngx_conf_t *cf, void *conf)
{
    ngx_http_ei_hmac_metrics_conf_t *mcf = conf;

    uint64_t                             *ids;
    ngx_uint_t                            i, n;
    ngx_time_t                           *tp;
    ngx_http_ei_hmac_metrics_location_t  *loc;

    tp = ngx_timeofday();
    mcf->loaded_sec = tp->sec;
    mcf->loaded_msec = tp->msec;

    if (mcf->zone == NULL) {
        if (mcf->locations->nelts) {
            loc = mcf->locations->elts;
            ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                          "\"ei_hmac_metrics\" needs \"ei_hmac_metrics_zone\" "
                          "at the http level in %V:%ui",
                          &loc->file, loc->line);
            return NGX_CONF_ERROR;
        }

        return NGX_CONF_OK;
    }

    ids = mcf->ids->elts;
    n = mcf->ids->nelts;

    ngx_qsort(ids, n, sizeof(uint64_t), ngx_http_ei_hmac_metrics_cmp_id);

    mcf->projects = ngx_palloc(cf->pool,
                        ngx_max(n, 1)
                        * sizeof(ngx_http_ei_hmac_metrics_project_t));
    if (mcf->projects == NULL) {
        return NGX_CONF_ERROR;
    }

    for (i = 0; i < n; i++) {
        if (mcf->nprojects && mcf->projects[mcf->nprojects - 1].id == ids[i]) {
            continue;
        }

        mcf->projects[mcf->nprojects].id = ids[i];
        mcf->projects[mcf->nprojects].slot = EI_METRICS_SLOT_OTHER;
        mcf->nprojects++;
    }

    return NGX_CONF_OK;
}


static int ngx_libc_cdecl
ngx_http_ei_hmac_metrics_cmp_id(const void *a, const void *b)
{
    const uint64_t  *x = a, *y = b;

    return (*x > *y) - (*x < *y);
}


/*
 * In the process loading a configuration: the zone's block is laid out,
 * or taken over from the configuration before (a reload that keeps the
 * zone's size keeps the counters), and the projects get their slots.
 */

static ngx_int_t
ngx_http_ei_hmac_metrics_init_zone(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_http_ei_hmac_metrics_conf_t  *omcf = data;

    size_t                            size;
    ngx_int_t                         slot;
    ngx_uint_t                        i, full;
    ngx_slab_pool_t                  *shpool;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    mcf = shm_zone->data;
    shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (omcf) {
        mcf->metrics = omcf->metrics;

        /* nginx maps a module once: a reload runs the same layout */

        if (!ei_metrics_valid(mcf->metrics)) {
            ngx_log_error(NGX_LOG_ALERT, shm_zone->shm.log, 0,
                          "\"ei_hmac_metrics_zone\" holds counters of "
                          "another layout");
            return NGX_ERROR;
        }

    } else if (shm_zone->shm.exists) {
        mcf->metrics = shpool->data;

    } else {
        /* the counters take every page the slab allocator has */

        size = shpool->pfree * ngx_pagesize;

        mcf->metrics = ngx_slab_alloc(shpool, size);
        if (mcf->metrics == NULL) {
            return NGX_ERROR;
        }

        if (ei_metrics_create(mcf->metrics, size) == NULL) {
            ngx_log_error(NGX_LOG_EMERG, shm_zone->shm.log, 0,
                          "\"ei_hmac_metrics_zone\" is too small");
            return NGX_ERROR;
        }

        shpool->data = mcf->metrics;
    }

    mcf->generation = ei_metrics_new_generation(mcf->metrics);

    full = 0;

    for (i = 0; i < mcf->nprojects; i++) {
        slot = ei_metrics_slot(mcf->metrics, mcf->projects[i].id);

        if (slot < 0) {
            full++;
            continue;
        }

        mcf->projects[i].slot = slot;
    }

    if (full && ei_metrics_warn_once(mcf->metrics, mcf->generation)) {
        ngx_log_error(NGX_LOG_WARN, shm_zone->shm.log, 0,
                      "\"ei_hmac_metrics_zone\" is full: %ui projects are "
                      "counted as \"other\"", full);
    }

    return NGX_OK;
}


ngx_int_t
ngx_http_ei_hmac_metrics_merge(ngx_conf_t *cf, ngx_flag_t enable)
{
    ngx_http_core_loc_conf_t             *clcf;
    ngx_http_ei_hmac_metrics_conf_t      *mcf;
    ngx_http_ei_hmac_metrics_location_t  *loc;

    if (!enable) {
        return NGX_OK;
    }

    /* by the directive, not clcf->handler, which proxy_pass may replace */

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
    mcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_ei_hmac_module);

    loc = ngx_http_ei_hmac_metrics_location(mcf, clcf);

    if (loc == NULL) {
        return NGX_OK;
    }

    ngx_log_error(NGX_LOG_EMERG, cf->log, 0,
                  "\"ei_hmac_metrics\" cannot be used in a location with "
                  "\"ei_hmac on\" in %V:%ui",
                  &loc->file, loc->line);

    return NGX_ERROR;
}


static ngx_http_ei_hmac_metrics_location_t *
ngx_http_ei_hmac_metrics_location(ngx_http_ei_hmac_metrics_conf_t *mcf,
    ngx_http_core_loc_conf_t *clcf)
{
    ngx_uint_t                            i;
    ngx_http_ei_hmac_metrics_location_t  *loc;

    loc = mcf->locations->elts;

    for (i = 0; i < mcf->locations->nelts; i++) {
        if (loc[i].clcf == clcf) {
            return &loc[i];
        }
    }

    return NULL;
}


ngx_int_t
ngx_http_ei_hmac_metrics_init(ngx_conf_t *cf)
{
    ngx_http_handler_pt              *h;
    ngx_http_core_main_conf_t        *cmcf;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    mcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_ei_hmac_module);

    if (mcf->zone == NULL) {
        /* metrics off: nothing at all on the request path */
        return NGX_OK;
    }

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_LOG_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_ei_hmac_metrics_log;

    return NGX_OK;
}
