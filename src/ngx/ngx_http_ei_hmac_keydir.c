
/*
 * ei_hmac_api_key_dir: a key per project, one file each, read by the
 * master when the configuration loads and kept in memory excluded from
 * core dumps; and, for a request, the key of its project.
 *
 * A reload reads the folder again into a new configuration; requests in
 * flight keep the old one (and its keys) until they end, and a broken
 * file fails the reload, so the old keys keep serving.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_keydir.h"
#include "ngx_http_ei_hmac_metrics.h"


/* keys are copied into regions of this size, each a secret mapping */
#define NGX_HTTP_EI_HMAC_KEYDIR_REGION  (64 * 1024)


typedef struct {
    ngx_conf_t                 *cf;
    ngx_str_t                  *directive;
    ngx_str_t                   path;
    ngx_array_t                *entries;     /* ei_keydir_entry_t */
    u_char                     *region;
    size_t                      free;
} ngx_http_ei_hmac_keydir_load_t;


static ngx_int_t ngx_http_ei_hmac_keydir_open(
    ngx_http_ei_hmac_keydir_load_t *ld);
static ngx_int_t ngx_http_ei_hmac_keydir_read(
    ngx_http_ei_hmac_keydir_load_t *ld, ngx_dir_t *dir);
static ngx_int_t ngx_http_ei_hmac_keydir_file(
    ngx_http_ei_hmac_keydir_load_t *ld, u_char *name, size_t len,
    uint64_t id);
static u_char *ngx_http_ei_hmac_keydir_room(
    ngx_http_ei_hmac_keydir_load_t *ld, size_t len);


char *
ngx_http_ei_hmac_key_dir(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    ngx_str_t                       *value;
    ngx_uint_t                       i;
    ei_keydir_entry_t               *e;
    ngx_http_ei_hmac_keydir_t       *kd;
    ngx_http_ei_hmac_keydir_load_t   ld;

    if (hlcf->keydir != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    ngx_memzero(&ld, sizeof(ngx_http_ei_hmac_keydir_load_t));
    ld.cf = cf;
    ld.directive = &cmd->name;
    ld.path = value[1];

    if (ngx_conf_full_name(cf->cycle, &ld.path, 1) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    ld.entries = ngx_array_create(cf->pool, 64, sizeof(ei_keydir_entry_t));
    if (ld.entries == NULL) {
        return NGX_CONF_ERROR;
    }

    if (ngx_http_ei_hmac_keydir_open(&ld) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (ei_keydir_sort(ld.entries->elts, ld.entries->nelts) != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "%V \"%V\" names a project twice", &cmd->name,
                           &ld.path);
        return NGX_CONF_ERROR;
    }

    /* each project is named, and its key's fingerprint shown, in order */

    e = ld.entries->elts;

    for (i = 0; i < ld.entries->nelts; i++) {
        if (ngx_http_ei_hmac_metrics_add_key(cf, e[i].id, "dir", e[i].key,
                                             e[i].len)
            != NGX_OK)
        {
            return NGX_CONF_ERROR;
        }
    }

    kd = ngx_palloc(cf->pool, sizeof(ngx_http_ei_hmac_keydir_t));
    if (kd == NULL) {
        return NGX_CONF_ERROR;
    }

    kd->path = ld.path;
    kd->entries = ld.entries->elts;
    kd->n = ld.entries->nelts;

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, cf->log, 0,
                   "ei_hmac_api_key_dir \"%V\": %uz keys", &kd->path, kd->n);

    hlcf->keydir = kd;

    return NGX_CONF_OK;
}


/* the folder opened, each of its files read, closed */

static ngx_int_t
ngx_http_ei_hmac_keydir_open(ngx_http_ei_hmac_keydir_load_t *ld)
{
    ngx_int_t  rc;
    ngx_dir_t  dir;

    if (ngx_open_dir(&ld->path, &dir) == NGX_ERROR) {
        ngx_conf_log_error(NGX_LOG_EMERG, ld->cf, ngx_errno,
                           "%V \"%V\" cannot be opened", ld->directive,
                           &ld->path);
        return NGX_ERROR;
    }

    rc = ngx_http_ei_hmac_keydir_read(ld, &dir);

    if (ngx_close_dir(&dir) == NGX_ERROR) {
        ngx_conf_log_error(NGX_LOG_ALERT, ld->cf, ngx_errno,
                           ngx_close_dir_n " \"%V\" failed", &ld->path);
    }

    return (rc == NGX_OK) ? NGX_OK : NGX_ERROR;
}


/* every name of the folder: a project's key, hidden, or ignored with a warn */

static ngx_int_t
ngx_http_ei_hmac_keydir_read(ngx_http_ei_hmac_keydir_load_t *ld,
    ngx_dir_t *dir)
{
    u_char    *name;
    size_t     len;
    uint64_t   id;
    ngx_err_t  err;

    for ( ;; ) {
        ngx_set_errno(0);

        if (ngx_read_dir(dir) == NGX_ERROR) {
            err = ngx_errno;

            if (err == NGX_ENOMOREFILES) {
                return NGX_OK;
            }

            ngx_conf_log_error(NGX_LOG_EMERG, ld->cf, err,
                               "%V \"%V\" cannot be read", ld->directive,
                               &ld->path);
            return NGX_ERROR;
        }

        name = ngx_de_name(dir);
        len = ngx_de_namelen(dir);

        switch (ei_keydir_name(name, len, &id)) {

        case EI_KEYDIR_HIDDEN:
            /* ".", "..", Kubernetes' "..data" and its timestamped folders */
            continue;

        case EI_KEYDIR_OTHER:
            ngx_conf_log_error(NGX_LOG_WARN, ld->cf, 0,
                               "%V \"%V\" ignores \"%*s\": not named "
                               "\"<projectId>.key\"", ld->directive,
                               &ld->path, len, name);
            continue;

        default: /* EI_KEYDIR_KEY */
            if (ngx_http_ei_hmac_keydir_file(ld, name, len, id) != NGX_OK) {
                return NGX_ERROR;
            }
        }
    }
}


/* one project's key: checked as ei_hmac_api_key_file checks its file */

static ngx_int_t
ngx_http_ei_hmac_keydir_file(ngx_http_ei_hmac_keydir_load_t *ld,
    u_char *name, size_t len, uint64_t id)
{
    u_char             buf[NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1], *p;
    size_t             key_len;
    ngx_str_t          file;
    ei_keydir_entry_t *e;

    file.len = ld->path.len + 1 + len;
    file.data = ngx_pnalloc(ld->cf->temp_pool, file.len + 1);
    if (file.data == NULL) {
        return NGX_ERROR;
    }

    p = ngx_cpymem(file.data, ld->path.data, ld->path.len);
    *p++ = '/';
    p = ngx_cpymem(p, name, len);
    *p = '\0';

    if (ngx_http_ei_hmac_read_key(ld->cf, ld->directive, &file, buf,
                                  &key_len)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    p = ngx_http_ei_hmac_keydir_room(ld, key_len);
    e = p ? ngx_array_push(ld->entries) : NULL;

    if (e) {
        ngx_memcpy(p, buf, key_len);

        e->id = id;
        e->key = p;
        e->len = key_len;
    }

    ei_cleanse(buf, sizeof(buf));

    return e ? NGX_OK : NGX_ERROR;
}


static u_char *
ngx_http_ei_hmac_keydir_room(ngx_http_ei_hmac_keydir_load_t *ld, size_t len)
{
    u_char  *p;

    if (ld->region == NULL || ld->free < len) {
        ld->region = ngx_http_ei_hmac_secret_alloc(ld->cf, ld->directive,
                                              NGX_HTTP_EI_HMAC_KEYDIR_REGION);
        if (ld->region == NULL) {
            return NULL;
        }

        ld->free = NGX_HTTP_EI_HMAC_KEYDIR_REGION;
    }

    p = ld->region;
    ld->region += len;
    ld->free -= len;

    return p;
}


/*
 * Before the body is read: the key of the request's project, or the
 * location's own key as the fallback; with neither, the project is not
 * served (EI_REJECT_PROJECT), and nothing goes upstream.
 */

ei_reason_t
ngx_http_ei_hmac_dir_key(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx)
{
    if (hlcf->keydir == NULL) {
        return EI_OK;
    }

    ctx->dir_key = ei_keydir_find(hlcf->keydir->entries, hlcf->keydir->n,
                                  ctx->project_id);

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac project %uL: %s", ctx->project_id,
                   ctx->dir_key ? "key from ei_hmac_api_key_dir"
                   : (hlcf->key ? "no key file, the location's key"
                                : "no key file and no fallback"));

    if (ctx->dir_key == NULL && hlcf->key == NULL) {
        return EI_REJECT_PROJECT;
    }

    return EI_OK;
}
