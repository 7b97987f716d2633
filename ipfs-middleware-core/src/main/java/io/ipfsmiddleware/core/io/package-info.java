/** Small stream helpers shared by the middleware's wrappers. */
package io.ipfsmiddleware.core.io;
