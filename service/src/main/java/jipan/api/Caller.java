package jipan.api;

import java.util.List;

/**
 * Who is calling: the key's name, the person holding it (a publish request needs another person's approval) and the
 * roles it has (all of them when authentication is off).
 */
public record Caller(String name, String person, List<String> roles, boolean group, List<Store> stores) {

    /** A store the caller sees: its code and name (in the asked language). */
    public record Store(String code, String name) {
    }
}
