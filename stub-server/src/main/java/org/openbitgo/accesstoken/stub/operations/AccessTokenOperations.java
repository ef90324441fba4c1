package org.openbitgo.accesstoken.stub.operations;

import java.time.Clock;
import org.openbitgo.accesstoken.stub.rules.ContractValidation;
import org.openbitgo.accesstoken.stub.rules.CreateAccessTokenRules;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.InMemoryAccessTokenStore;

/**
 * What every operation on the access-token resource works with, put together once by the server.
 *
 * @param validation the generated interface's Bean Validation constraints
 * @param createRules the contract's rules on a create beyond those constraints
 * @param issuer makes and stores new tokens
 * @param store the created tokens, which list and revoke read and change
 * @param clock what "now" is for listing (unexpired tokens) and revoking ({@code expires} = now)
 */
public record AccessTokenOperations(
    ContractValidation validation,
    CreateAccessTokenRules createRules,
    AccessTokenIssuer issuer,
    InMemoryAccessTokenStore store,
    Clock clock) {}
