package org.creditkit.core.sign;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives an Ed25519 public key from its 32-byte private seed, which the JDK does not offer: RFC 8032
 * section 5.1.5 (hash the seed with SHA-512, clamp the low half into the scalar {@code s}, encode
 * {@code s·B}). Affine twisted-Edwards arithmetic with {@link BigInteger}: slow (a few milliseconds)
 * and not constant-time, which is acceptable because it runs once per signing key read, on the
 * signer's own machine.
 */
final class Ed25519 {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger BX = new BigInteger(
            "15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger BY = new BigInteger(
            "46316835694926478169428394003475163141307993866256225615783033603165251855960");

    private Ed25519() {
    }

    /** The 32-byte encoded public key of a 32-byte seed. */
    static byte[] publicKey(byte[] seed) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-512").digest(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JDK", e);
        }
        byte[] a = new byte[32];
        for (int i = 0; i < 32; i++) {
            a[31 - i] = h[i]; // little-endian to big-endian
        }
        a[31] &= (byte) 248;
        a[0] &= 127;
        a[0] |= 64;
        BigInteger s = new BigInteger(1, a);
        BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE};
        BigInteger[] q = {BX, BY};
        for (int bit = 0; bit < s.bitLength(); bit++) {
            if (s.testBit(bit)) {
                r = add(r, q);
            }
            q = add(q, q);
        }
        byte[] out = new byte[32];
        byte[] y = r[1].toByteArray();
        for (int i = 0; i < 32 && i < y.length; i++) {
            out[i] = y[y.length - 1 - i]; // big-endian to little-endian
        }
        if (r[0].testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** Point addition on -x²+y²=1+d·x²·y² (complete for Ed25519, so it doubles too). */
    private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
        BigInteger x1x2 = p1[0].multiply(p2[0]);
        BigInteger y1y2 = p1[1].multiply(p2[1]);
        BigInteger dxy = D.multiply(x1x2).multiply(y1y2).mod(P);
        BigInteger x = p1[0].multiply(p2[1]).add(p1[1].multiply(p2[0]))
                .multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
        BigInteger y = y1y2.add(x1x2)
                .multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x, y};
    }
}
