
/*
 * Metrics at request time (README, "Metrics"): each request counted in
 * the log phase, when its response is final, into the slot of its
 * project in the zone that ngx_http_ei_hmac_metrics.c set up; and the
 * content handler of ei_hmac_metrics, which renders the zone and the
 * configuration's gauges in the Prometheus text format.
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


static void ngx_http_ei_hmac_metrics_response(ngx_http_request_t *r,
    ei_reason_t reason, ei_metrics_event_t *ev);
static ngx_uint_t ngx_http_ei_hmac_metrics_slot(
    ngx_http_ei_hmac_metrics_conf_t *mcf, uint64_t project_id);
static uint64_t ngx_http_ei_hmac_metrics_upstream_ms(ngx_http_request_t *r);


static ngx_str_t  ngx_http_ei_hmac_metrics_methods = ngx_string("GET, HEAD");


/*
 * Once per request, when its response is final, whatever produced it:
 * the status is the one $status logs, and the source is who decided it.
 */

ngx_int_t
ngx_http_ei_hmac_metrics_log(ngx_http_request_t *r)
{
    uint64_t                          project_id;
    ei_reason_t                       reason;
    ei_metrics_event_t                ev;
    ngx_http_ei_hmac_ctx_t           *ctx;
    ngx_http_ei_hmac_loc_conf_t      *hlcf;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    /* log_subrequest on calls the log phase for subrequests too */

    if (r != r->main) {
        return NGX_OK;
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx) {
        project_id = ctx->project_id;
        reason = (ctx->state == NGX_HTTP_EI_HMAC_REFUSED) ? ctx->reason
                 : (ctx->state == NGX_HTTP_EI_HMAC_FORWARDED) ? EI_OK
                 : EI_REASON_MAX;

    } else {
        /* no ctx: not an ei_hmac request, or refused before the handler */

        hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

        if (!hlcf->enable) {
            return NGX_OK;
        }

        project_id = 0;
        reason = EI_REASON_MAX;
    }

    mcf = ngx_http_get_module_main_conf(r, ngx_http_ei_hmac_module);

    ev.slot = ngx_http_ei_hmac_metrics_slot(mcf, project_id);
    ev.outcome = ei_metrics_outcome(reason);
    ev.upstream_ms = 0;

    ngx_http_ei_hmac_metrics_response(r, reason, &ev);

    if (ev.outcome == EI_OUTCOME_FORWARDED) {
        ev.upstream_ms = ngx_http_ei_hmac_metrics_upstream_ms(r);
    }

    ngx_log_debug5(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac metrics: slot %ui, outcome %s, status %ui, "
                   "source %ui, upstream %uLms",
                   (ngx_uint_t) ev.slot, ei_metrics_outcome_word(ev.outcome),
                   (ngx_uint_t) ev.status, (ngx_uint_t) ev.source,
                   ev.upstream_ms);

    if (ei_metrics_count(mcf->metrics, &ev)
        && ei_metrics_warn_once(mcf->metrics, mcf->generation))
    {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "\"ei_hmac_metrics_zone\" is full: new response "
                      "series are counted as project \"other\", or not at "
                      "all once that is full too");
    }

    return NGX_OK;
}


/*
 * The response's status, as $status logs it (ngx_http_log_status()), who
 * decided it, and whether Studio refused the gateway's key
 */

static void
ngx_http_ei_hmac_metrics_response(ngx_http_request_t *r, ei_reason_t reason,
    ei_metrics_event_t *ev)
{
    ngx_http_upstream_t  *u;

    if (r->err_status) {
        ev->status = r->err_status;

    } else if (r->headers_out.status) {
        ev->status = r->headers_out.status;

    } else if (r->http_version == NGX_HTTP_VERSION_9) {
        ev->status = 9;

    } else {
        ev->status = 0;
    }

    ev->key_rejected = 0;
    u = r->upstream;

    if (u && r->err_status == 0 && u->headers_in.status_n) {
        /* Studio's answer, passed or rewritten */
        ev->source = EI_SOURCE_UPSTREAM;
        ev->key_rejected = (u->headers_in.status_n == NGX_HTTP_UNAUTHORIZED);

    } else if (reason != EI_OK && reason < EI_REASON_MAX) {
        ev->source = EI_SOURCE_GATEWAY;

    } else {
        ev->source = EI_SOURCE_NGINX;
    }
}


/* the slot of a project: its own when named, "any", or "none" (id 0) */

static ngx_uint_t
ngx_http_ei_hmac_metrics_slot(ngx_http_ei_hmac_metrics_conf_t *mcf,
    uint64_t project_id)
{
    ngx_uint_t                           lo, hi, mid;
    ngx_http_ei_hmac_metrics_project_t  *p;

    if (project_id == 0) {
        return EI_METRICS_SLOT_NONE;
    }

    p = mcf->projects;
    lo = 0;
    hi = mcf->nprojects;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;

        if (p[mid].id == project_id) {
            return p[mid].slot;
        }

        if (p[mid].id < project_id) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return EI_METRICS_SLOT_ANY;
}


/*
 * As $upstream_header_time, summed over the attempts: the whole time of
 * those that failed, then the last one's to its header, or to its end
 * when there was none (a connect failure, a timeout).
 */

static uint64_t
ngx_http_ei_hmac_metrics_upstream_ms(ngx_http_request_t *r)
{
    uint64_t                    ms;
    ngx_uint_t                  i, n;
    ngx_http_upstream_state_t  *state;

    if (r->upstream_states == NULL) {
        return 0;
    }

    state = r->upstream_states->elts;
    n = r->upstream_states->nelts;
    ms = 0;

    for (i = 0; i < n; i++) {
        if (i == n - 1 && state[i].header_time != (ngx_msec_t) -1) {
            ms += state[i].header_time;

        } else if (state[i].response_time != (ngx_msec_t) -1) {
            ms += state[i].response_time;
        }
    }

    return ms;
}


ngx_int_t
ngx_http_ei_hmac_metrics_handler(ngx_http_request_t *r)
{
    size_t                            size, n, nscratch;
    ngx_int_t                         rc;
    ngx_buf_t                        *b;
    ngx_chain_t                       out;
    ei_metrics_info_t                 info;
    ei_metrics_cell_t                *scratch;
    ngx_http_ei_hmac_metrics_conf_t  *mcf;

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        return ngx_http_ei_hmac_add_allow(r, &ngx_http_ei_hmac_metrics_methods)
               == NGX_OK ? NGX_HTTP_NOT_ALLOWED
                         : NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_http_discard_request_body(r);

    if (rc != NGX_OK) {
        return rc;
    }

    mcf = ngx_http_get_module_main_conf(r, ngx_http_ei_hmac_module);

    info.keys = mcf->keys->elts;
    info.nkeys = mcf->keys->nelts;
    info.loaded_sec = mcf->loaded_sec;
    info.loaded_msec = mcf->loaded_msec;
    info.version = EI_HMAC_VERSION;
    info.nginx = NGINX_VERSION;

    nscratch = ei_metrics_scratch_cells(mcf->metrics);

    scratch = ngx_palloc(r->pool, nscratch * sizeof(ei_metrics_cell_t));
    if (scratch == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* the text's length, then the text; counters may grow in between */

    size = ei_metrics_render(mcf->metrics, &info, scratch, nscratch, NULL, 0);

    for ( ;; ) {
        size += size / 8;

        b = ngx_create_temp_buf(r->pool, size);
        if (b == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        n = ei_metrics_render(mcf->metrics, &info, scratch, nscratch,
                              (char *) b->pos, size);

        if (n <= size) {
            break;
        }

        size = n;
    }

    b->last = b->pos + n;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    /* the charset filter must not add a second charset parameter */

    ngx_str_set(&r->headers_out.content_type, EI_METRICS_CONTENT_TYPE);
    r->headers_out.content_type_len = sizeof("text/plain") - 1;
    r->headers_out.content_type_lowcase = NULL;

    r->headers_out.status = NGX_HTTP_OK;
    r->headers_out.content_length_n = n;

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        return rc;
    }

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}
