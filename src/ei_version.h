/*
 * The module's version: the one place it is written.  `make install`, the
 * Debian package (`make deb` writes debian/changelog from this and
 * CHANGELOG), the startup log line and ei_hmac_build_info read it from
 * here; t/097-package.t checks that CHANGELOG's newest release agrees.
 */

#ifndef EI_VERSION_H
#define EI_VERSION_H

#define EI_HMAC_VERSION  "0.5.4"

#endif /* EI_VERSION_H */
