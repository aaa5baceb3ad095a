package jipan.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: it answers and changes only the caller's stores' data ({@link jipan.stores.StoreScope}), or
 * holds none, so a key limited to stores may call it. Every other method is for keys of the whole group: a
 * store key gets 403 there, so a method added without thinking of stores is closed to store keys, not open.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StoreScoped {
}
