
/*
 * ngx_http_ei_hmac_module: nginx as a credential-holding gateway for
 * Edge Impulse Studio's POST /v1/api/{projectId}/hmackeys.
 *
 * This file is the module's face: the directives, the module and its
 * contexts, conf create/merge, the postconfiguration hook and the
 * variables.  The rest of the nginx glue is in src/ngx/, one file per
 * phase; what a valid request is lives in src/, which knows nothing of
 * nginx.  A request meets the files in this order:
 *
 *   ngx_http_ei_hmac_conf.c     before any request: the directives that
 *                               read the API key file, the denylist and
 *                               the projects served
 *   ngx_http_ei_hmac_keydir.c   before any request, the keys of
 *                               ei_hmac_api_key_dir; in the handler, the
 *                               key of the request's project
 *   ngx_http_ei_hmac_handler.c  the precontent handler (after nginx's own
 *                               access phase): method, target, projectId,
 *                               media type and size, then it reads the
 *                               body; every refusal is answered here, and
 *                               the request's state (ctx->state) says what
 *                               to do when the handler runs again
 *   ngx_http_ei_hmac_body.c     the request body filter counts the body as
 *                               it arrives; once read, the body handler
 *                               flattens, cleanses and checks it
 *   ngx_http_ei_hmac_forward.c  a valid request: the client's credentials
 *                               out, the server-held key in, the canonical
 *                               body in place; proxy_pass carries it
 *   ngx_http_ei_hmac_filter.c   the header and body filters: every error
 *                               becomes a GenericApiResponse; the filter
 *                               mode (ctx->filter) says what happens to
 *                               the response
 *   ngx_http_ei_hmac_mask.c     the server-held key masked in whatever the
 *                               upstream sends back
 *   ngx_http_ei_hmac_metrics.c  before any request: ei_hmac_metrics_zone,
 *                               the projects and key files registered,
 *                               a slot for each project in the zone
 *   ngx_http_ei_hmac_metrics_log.c
 *                               when the response is final (log phase):
 *                               the request counted; ei_hmac_metrics
 *                               shows the counters
 *
 * ngx_http_ei_hmac.h holds the configuration and per-request types.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"
#include "ngx_http_ei_hmac_metrics.h"

#include "ei_body.h"
#include "ei_target.h"
#include "ei_version.h"


static ngx_int_t ngx_http_ei_hmac_fingerprint_variable(
    ngx_http_ei_hmac_ctx_t *ctx, ngx_http_variable_value_t *v);
static ngx_int_t ngx_http_ei_hmac_project_id_variable(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_http_variable_value_t *v);
static ngx_int_t ngx_http_ei_hmac_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);
static ngx_int_t ngx_http_ei_hmac_add_variables(ngx_conf_t *cf);
static void *ngx_http_ei_hmac_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_ei_hmac_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static void ngx_http_ei_hmac_crypto_cleanup(void *data);
static ngx_int_t ngx_http_ei_hmac_init(ngx_conf_t *cf);
static ngx_int_t ngx_http_ei_hmac_init_module(ngx_cycle_t *cycle);


static ngx_conf_num_bounds_t  ngx_http_ei_hmac_min_bits_bounds = {
    ngx_http_ei_hmac_check_bounds, 0, 1024
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_key_length_bounds = {
    ngx_http_ei_hmac_check_bounds, 1, 1024
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_name_length_bounds = {
    ngx_http_ei_hmac_check_bounds, 1, 65536
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_body_size_bounds = {
    ngx_http_ei_hmac_check_bounds, 2, 16 * 1024 * 1024
};


static ngx_conf_enum_t  ngx_http_ei_hmac_unknown_fields[] = {
    { ngx_string("drop"), NGX_HTTP_EI_HMAC_UNKNOWN_DROP },
    { ngx_string("reject"), NGX_HTTP_EI_HMAC_UNKNOWN_REJECT },
    { ngx_null_string, 0 }
};


static ngx_command_t  ngx_http_ei_hmac_commands[] = {

    { ngx_string("ei_hmac"),
      NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, enable),
      NULL },

    { ngx_string("ei_hmac_api_key_file"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_key_file,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_api_key"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_key_value,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_api_key_dir"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_key_dir,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_projects"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_ei_hmac_projects,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_key_min_bits"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, key_min_bits),
      &ngx_http_ei_hmac_min_bits_bounds },

    { ngx_string("ei_hmac_key_max_length"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, key_max_length),
      &ngx_http_ei_hmac_key_length_bounds },

    { ngx_string("ei_hmac_key_denylist"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_denylist,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_development_keys"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, development_keys),
      NULL },

    { ngx_string("ei_hmac_unknown_fields"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_set_enum,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, unknown_fields),
      &ngx_http_ei_hmac_unknown_fields },

    { ngx_string("ei_hmac_name_max_length"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, name_max_length),
      &ngx_http_ei_hmac_name_length_bounds },

    { ngx_string("ei_hmac_max_body_size"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, max_body_size),
      &ngx_http_ei_hmac_body_size_bounds },

    { ngx_string("ei_hmac_errors"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, errors),
      NULL },

    { ngx_string("ei_hmac_metrics_zone"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_metrics_zone,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_metrics"),
      NGX_HTTP_LOC_CONF|NGX_CONF_NOARGS,
      ngx_http_ei_hmac_metrics,
      NGX_HTTP_MAIN_CONF_OFFSET,
      0,
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_ei_hmac_module_ctx = {
    ngx_http_ei_hmac_add_variables,        /* preconfiguration */
    ngx_http_ei_hmac_init,                 /* postconfiguration */

    /* the main configuration: the metrics (ngx_http_ei_hmac_metrics.c) */
    ngx_http_ei_hmac_metrics_create_conf,  /* create main configuration */
    ngx_http_ei_hmac_metrics_init_conf,    /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_ei_hmac_create_loc_conf,      /* create location configuration */
    ngx_http_ei_hmac_merge_loc_conf        /* merge location configuration */
};


ngx_module_t  ngx_http_ei_hmac_module = {
    NGX_MODULE_V1,
    &ngx_http_ei_hmac_module_ctx,          /* module context */
    ngx_http_ei_hmac_commands,             /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    ngx_http_ei_hmac_init_module,          /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    NULL,                                  /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


enum {
    NGX_HTTP_EI_HMAC_VAR_PROJECT_ID = 0,
    NGX_HTTP_EI_HMAC_VAR_KEY_NAME,
    NGX_HTTP_EI_HMAC_VAR_FINGERPRINT,
    NGX_HTTP_EI_HMAC_VAR_OUTCOME,
    NGX_HTTP_EI_HMAC_VAR_ERROR
};


static ngx_http_variable_t  ngx_http_ei_hmac_vars[] = {

    { ngx_string("ei_hmac_project_id"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_PROJECT_ID, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_key_name"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_KEY_NAME, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_key_fingerprint"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_FINGERPRINT, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_outcome"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_OUTCOME, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_error"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_ERROR, NGX_HTTP_VAR_NOCACHEABLE, 0 },

      ngx_http_null_variable
};



/*
 * The projectId is known before the handler runs, so that limit_req and
 * the access phase can use it: read from the raw target by the handler's
 * own rules, empty when the target would be refused.
 */

static ngx_int_t
ngx_http_ei_hmac_project_id_variable(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_http_variable_value_t *v)
{
    u_char        *p;
    uint64_t       id;
    ei_verdict_t   verdict;

    if (ctx && ctx->project_id) {
        id = ctx->project_id;

    } else if (r->schema_start || r->host_start
               || r->unparsed_uri.len == 0
               || ei_target_check(r->unparsed_uri.data, r->unparsed_uri.len,
                                  &id, &verdict)
                  != EI_OK)
    {
        return NGX_OK;
    }

    p = ngx_pnalloc(r->pool, NGX_INT64_LEN);
    if (p == NULL) {
        return NGX_ERROR;
    }

    v->data = p;
    v->len = ngx_sprintf(p, "%uL", id) - p;
    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    return NGX_OK;
}


static ngx_int_t
ngx_http_ei_hmac_variable(ngx_http_request_t *r, ngx_http_variable_value_t *v,
    uintptr_t data)
{
    const char              *outcome;
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_ei_hmac_get_ctx(r->main);

    v->not_found = 1;

    if (data == NGX_HTTP_EI_HMAC_VAR_PROJECT_ID) {
        return ngx_http_ei_hmac_project_id_variable(r->main, ctx, v);
    }

    if (ctx == NULL) {
        return NGX_OK;
    }

    switch (data) {

    case NGX_HTTP_EI_HMAC_VAR_KEY_NAME:
        if (ctx->name.data == NULL) {
            return NGX_OK;
        }

        v->data = ctx->name.data;
        v->len = ctx->name.len;
        break;

    case NGX_HTTP_EI_HMAC_VAR_FINGERPRINT:
        return ngx_http_ei_hmac_fingerprint_variable(ctx, v);

    case NGX_HTTP_EI_HMAC_VAR_OUTCOME:
        /* forwarded: EI_OK, "forwarded"; EI_ERROR_INTERNAL has no word */
        outcome = ei_reason_info(ctx->reason)->outcome;

        if ((ctx->state != NGX_HTTP_EI_HMAC_REFUSED
             && ctx->state != NGX_HTTP_EI_HMAC_FORWARDED)
            || outcome[0] == '\0')
        {
            return NGX_OK;
        }

        v->data = (u_char *) outcome;
        v->len = ngx_strlen(outcome);
        break;

    default: /* NGX_HTTP_EI_HMAC_VAR_ERROR */
        if (ctx->sent.len) {
            /* a response replaced by the filters, the gateway's own too */
            v->data = ctx->sent.data;
            v->len = ctx->sent.len;
            break;
        }

        if (ctx->state != NGX_HTTP_EI_HMAC_REFUSED || ctx->error.len == 0) {
            return NGX_OK;
        }

        v->data = ctx->error.data;
        v->len = ctx->error.len;
        break;
    }

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    return NGX_OK;
}


/*
 * $ei_hmac_key_fingerprint: an accepted key's digest is made only when
 * something reads it, as most configurations never do
 */

static ngx_int_t
ngx_http_ei_hmac_fingerprint_variable(ngx_http_ei_hmac_ctx_t *ctx,
    ngx_http_variable_value_t *v)
{
    if (ctx->fingerprint[0] == '\0' && ctx->hmac_key_len) {
        if (ei_body_key_fingerprint(ctx->canonical + ctx->hmac_key_at,
                                    ctx->hmac_key_len,
                                    (char *) ctx->fingerprint)
            != 0)
        {
            return NGX_ERROR;
        }
    }

    if (ctx->fingerprint[0] == '\0') {
        return NGX_OK;
    }

    v->data = ctx->fingerprint;
    v->len = ngx_strlen(ctx->fingerprint);
    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    return NGX_OK;
}


static ngx_int_t
ngx_http_ei_hmac_add_variables(ngx_conf_t *cf)
{
    ngx_http_variable_t  *var, *v;

    for (v = ngx_http_ei_hmac_vars; v->name.len; v++) {
        var = ngx_http_add_variable(cf, &v->name, v->flags);
        if (var == NULL) {
            return NGX_ERROR;
        }

        var->get_handler = v->get_handler;
        var->data = v->data;
    }

    return NGX_OK;
}


static void *
ngx_http_ei_hmac_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_ei_hmac_loc_conf_t  *conf;

    conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    conf->enable = NGX_CONF_UNSET;
    conf->key = NGX_CONF_UNSET_PTR;
    conf->keydir = NGX_CONF_UNSET_PTR;
    conf->projects = NGX_CONF_UNSET_PTR;
    conf->key_min_bits = NGX_CONF_UNSET_UINT;
    conf->key_max_length = NGX_CONF_UNSET_SIZE;
    conf->denylist = NGX_CONF_UNSET_PTR;
    conf->development_keys = NGX_CONF_UNSET;
    conf->unknown_fields = NGX_CONF_UNSET_UINT;
    conf->name_max_length = NGX_CONF_UNSET_SIZE;
    conf->max_body_size = NGX_CONF_UNSET_SIZE;
    conf->errors = NGX_CONF_UNSET;

    return conf;
}


static char *
ngx_http_ei_hmac_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_ei_hmac_loc_conf_t *prev = parent;
    ngx_http_ei_hmac_loc_conf_t *conf = child;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);
    ngx_conf_merge_ptr_value(conf->key, prev->key, NULL);
    ngx_conf_merge_ptr_value(conf->keydir, prev->keydir, NULL);
    ngx_conf_merge_ptr_value(conf->projects, prev->projects, NULL);
    ngx_conf_merge_uint_value(conf->key_min_bits, prev->key_min_bits, 128);
    ngx_conf_merge_size_value(conf->key_max_length, prev->key_max_length, 32);
    ngx_conf_merge_ptr_value(conf->denylist, prev->denylist, NULL);
    ngx_conf_merge_value(conf->development_keys, prev->development_keys, 1);
    ngx_conf_merge_uint_value(conf->unknown_fields, prev->unknown_fields,
                              NGX_HTTP_EI_HMAC_UNKNOWN_DROP);
    ngx_conf_merge_size_value(conf->name_max_length, prev->name_max_length,
                              255);
    ngx_conf_merge_size_value(conf->max_body_size, prev->max_body_size,
                              16 * 1024);
    ngx_conf_merge_value(conf->errors, prev->errors, 1);

    /* ei_hmac_metrics and ei_hmac on exclude each other */

    if (ngx_http_ei_hmac_metrics_merge(cf, conf->enable) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (conf->enable && conf->key == NULL && conf->keydir == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"ei_hmac\" is on, but neither "
                           "\"ei_hmac_api_key_file\" nor \"ei_hmac_api_key\" "
                           "is set for this location, nor "
                           "\"ei_hmac_api_key_dir\"");
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static void
ngx_http_ei_hmac_crypto_cleanup(void *data)
{
    ei_crypto_release();
}


static ngx_int_t
ngx_http_ei_hmac_init(ngx_conf_t *cf)
{
    ngx_pool_cleanup_t         *cln;
    ngx_http_handler_pt        *h;
    ngx_http_core_main_conf_t  *cmcf;

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    if (ei_crypto_init() != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "ei_hmac could not fetch SHA-256 from OpenSSL");
        return NGX_ERROR;
    }

    cln->handler = ngx_http_ei_hmac_crypto_cleanup;

    ei_body_init();

    if (ngx_http_ei_hmac_forward_init() != NGX_OK) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "ei_hmac: a credential header name is too long");
        return NGX_ERROR;
    }

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    /* after the access phase: allow/deny, auth_basic, auth_request first */

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_PRECONTENT_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_ei_hmac_handler;

    /*
     * where a request redirected inside nginx starts again (the server's
     * rewrite phase, a named location's rewrite phase): a forwarded one
     * is stopped before any of the new location's directives runs
     */

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_SERVER_REWRITE_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_ei_hmac_redirect_handler;

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_REWRITE_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_ei_hmac_redirect_handler;

    ngx_http_ei_hmac_request_body_filter_init();
    ngx_http_ei_hmac_filter_init();

    /* the log-phase counting, when ei_hmac_metrics_zone is set */

    return ngx_http_ei_hmac_metrics_init(cf);
}


/*
 * the master logs which module it loaded at every start and reload, so that
 * an operator can tell from the error log what a fleet runs
 */

static ngx_int_t
ngx_http_ei_hmac_init_module(ngx_cycle_t *cycle)
{
    ngx_log_error(NGX_LOG_NOTICE, cycle->log, 0,
                  "ei_hmac module version " EI_HMAC_VERSION);

    return NGX_OK;
}
