package org.creditkit.core.chain;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/** An Ed25519 pair from the JDK, as a chain signer and its verifying keys. */
final class TestKeys {

    final KeyPair pair;
    final String id;

    TestKeys(String id) {
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.id = id;
    }

    ChainSigner signer() {
        return ChainSigner.of(id, data -> {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(pair.getPrivate());
                s.update(data);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    CheckpointKeys keys() {
        return CheckpointKeys.of(id, (data, sig) -> {
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(pair.getPublic());
                s.update(data);
                return s.verify(sig);
            } catch (GeneralSecurityException e) {
                return false;
            }
        });
    }
}
