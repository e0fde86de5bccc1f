
/*
 * Metrics of ngx_http_ei_hmac_module (README, "Metrics"): the shared memory
 * zone and what the rest of the module tells the metrics while a
 * configuration loads (the projects it names, the keys it reads from
 * files), in ngx_http_ei_hmac_metrics.c; the counting in the log phase
 * and the ei_hmac_metrics content handler, in
 * ngx_http_ei_hmac_metrics_log.c.
 */


#ifndef NGX_HTTP_EI_HMAC_METRICS_H
#define NGX_HTTP_EI_HMAC_METRICS_H


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ei_metrics.h"


/* project id of a key that serves any project (a location's key file) */
#define NGX_HTTP_EI_HMAC_METRICS_ANY  EI_METRICS_ID_ANY


typedef struct {
    uint64_t                     id;
    ngx_uint_t                   slot;
} ngx_http_ei_hmac_metrics_project_t;


/* where an ei_hmac_metrics directive is, for the messages */
typedef struct {
    ngx_http_core_loc_conf_t    *clcf;
    ngx_str_t                    file;
    ngx_uint_t                   line;
} ngx_http_ei_hmac_metrics_location_t;


typedef struct {
    ngx_shm_zone_t              *zone;
    ei_metrics_t                *metrics;
    uint64_t                     generation;

    /* the ids the configuration names; then, sorted, with their slots */
    ngx_array_t                 *ids;
    ngx_http_ei_hmac_metrics_project_t  *projects;
    ngx_uint_t                   nprojects;

    ngx_array_t                 *keys;
    ngx_array_t                 *locations;

    time_t                       loaded_sec;
    ngx_msec_t                   loaded_msec;
} ngx_http_ei_hmac_metrics_conf_t;


/*
 * At request time (ngx_http_ei_hmac_metrics_log.c): the log phase handler
 * that counts a request, and the content handler of ei_hmac_metrics
 */
ngx_int_t ngx_http_ei_hmac_metrics_log(ngx_http_request_t *r);
ngx_int_t ngx_http_ei_hmac_metrics_handler(ngx_http_request_t *r);


/* directives: ei_hmac_metrics_zone SIZE (http), ei_hmac_metrics (location) */
char *ngx_http_ei_hmac_metrics_zone(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_ei_hmac_metrics(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);

/* the module's create/init main configuration and postconfiguration */
void *ngx_http_ei_hmac_metrics_create_conf(ngx_conf_t *cf);
char *ngx_http_ei_hmac_metrics_init_conf(ngx_conf_t *cf, void *conf);
ngx_int_t ngx_http_ei_hmac_metrics_init(ngx_conf_t *cf);

/*
 * From the merge of a location: NGX_ERROR (logged) when the location
 * serves ei_hmac_metrics with "ei_hmac on"
 */
ngx_int_t ngx_http_ei_hmac_metrics_merge(ngx_conf_t *cf, ngx_flag_t enable);


/*
 * Registration while a configuration loads, whether metrics are on or not
 * (ei_hmac_metrics_zone may come later in the file).
 *
 * add_projects: ids that the configuration names (ei_hmac_projects, files
 * of ei_hmac_api_key_dir); their requests are counted under their own
 * project label, any other projectId under "any".
 *
 * add_key: a key read from a file, for ei_hmac_api_key_info: project is
 * its projectId (also registered as named), or
 * NGX_HTTP_EI_HMAC_METRICS_ANY for a location's ei_hmac_api_key_file;
 * source is "file" or "dir".  Only the fingerprint is kept, never the key.
 */
ngx_int_t ngx_http_ei_hmac_metrics_add_projects(ngx_conf_t *cf,
    const uint64_t *ids, ngx_uint_t n);
ngx_int_t ngx_http_ei_hmac_metrics_add_key(ngx_conf_t *cf, uint64_t project,
    const char *source, const u_char *key, size_t len);


#endif /* NGX_HTTP_EI_HMAC_METRICS_H */
