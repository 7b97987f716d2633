/** Immutable value types of the registry model: names, digests, descriptors, content. */
package io.ipfsmiddleware.api.model;
