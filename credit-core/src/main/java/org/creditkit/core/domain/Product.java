package org.creditkit.core.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a credit product, e.g. {@code GENERAL}. Products are data: a rule set's
 * {@code products.json} defines each product's names, eligibility, caps, cutoffs and risk appetite,
 * and a bank adds a product by adding an entry there. This type only checks the id's form
 * (upper-case letters, digits and underscores, starting with a letter, at most 40 characters); the
 * decision engine refuses an id its products file does not define, naming the ids it does.
 *
 * <p>The constants are the ids of the five products of the built-in {@code products.json}.
 *
 * @param id the product id
 */
public record Product(String id) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** General working-capital loan (信易贷). */
    public static final Product GENERAL = new Product("GENERAL");
    /** Technology credit product (科技贷), up to 50,000,000 CNY. */
    public static final Product TECHNOLOGY = new Product("TECHNOLOGY");
    /** Green / low-carbon loan (绿色贷). */
    public static final Product GREEN = new Product("GREEN");
    /** Agriculture-related loan (三农). */
    public static final Product AGRICULTURE = new Product("AGRICULTURE");
    /** Supply-chain finance against a core enterprise. */
    public static final Product SUPPLY_CHAIN = new Product("SUPPLY_CHAIN");

    /** @throws IllegalArgumentException when the id is not of the form {@code [A-Z][A-Z0-9_]{0,39}} */
    public Product {
        Objects.requireNonNull(id, "id");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("product id '" + id + "' must be upper-case letters, digits and"
                    + " underscores, starting with a letter, at most 40 characters (e.g. GENERAL, TECHNOLOGY)");
        }
    }

    /**
     * The product with this id.
     *
     * @param id the id
     * @return the product
     * @throws IllegalArgumentException when the id is malformed
     */
    public static Product of(String id) {
        return new Product(id);
    }

    /**
     * Whether a string is a well-formed product id.
     *
     * @param id a candidate id
     * @return true when {@code [A-Z][A-Z0-9_]{0,39}}
     */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** @return the id, so that messages read {@code TECHNOLOGY} */
    @Override
    public String toString() {
        return id;
    }
}
