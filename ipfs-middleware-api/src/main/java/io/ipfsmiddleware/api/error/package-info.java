/** OCI error codes and the exception that carries one to the client. */
package io.ipfsmiddleware.api.error;
