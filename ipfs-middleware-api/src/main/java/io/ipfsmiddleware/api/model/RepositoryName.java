package io.ipfsmiddleware.api.model;

import io.ipfsmiddleware.api.error.ErrorCode;
import io.ipfsmiddleware.api.error.RegistryException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A repository name in the grammar of the OCI distribution specification: lowercase path
 * components of {@code [a-z0-9]+} joined by {@code .}, {@code _}, {@code __} or {@code -+},
 * separated by {@code /}, at most 255 characters in all.
 *
 * @param value the name as it appears in a URL, e.g. {@code ipfs/bafy.../alpine}
 */
public record RepositoryName(String value) {
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");

    /**
     * @param value the name as it appears in a URL
     * @throws IllegalArgumentException if {@code value} is not a valid name; prefer {@link #parse}
     */
    public RepositoryName {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses a name, answering an invalid one with {@link ErrorCode#NAME_INVALID}.
     *
     * @param value the name from the request
     * @return the name
     * @throws RegistryException with {@code NAME_INVALID} saying which part is wrong
     */
    public static RepositoryName parse(String value) throws RegistryException {
        String problem = problem(value);
        if (problem != null) {
            throw new RegistryException(ErrorCode.NAME_INVALID, problem, value);
        }
        return new RepositoryName(value);
    }

    /**
     * @param value the text to check
     * @return whether {@code value} is a valid repository name
     */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "repository name is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "repository name is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        for (String component : value.split("/", -1)) {
            if (component.isEmpty()) {
                return "repository name '" + value + "' has an empty path component";
            }
            if (!COMPONENT.matcher(component).matches()) {
                return "repository name component '" + component + "' is invalid: components are lowercase letters and "
                        + "digits, optionally joined by '.', '_', '__' or '-'";
            }
        }
        return null;
    }

    /** @return the path components, in order */
    public List<String> components() {
        return List.of(value.split("/"));
    }

    @Override
    public String toString() {
        return value;
    }
}
