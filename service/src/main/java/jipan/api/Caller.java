package jipan.api;

import java.util.List;

/**
 * Who is calling: the key's name, the person holding it (a publish request needs another person's approval) and the
 * roles it has (all of them when authentication is off).
 */
public record Caller(String name, String person, List<String> roles) {
}
