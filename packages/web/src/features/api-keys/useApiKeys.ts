import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { toUserFacingError } from '../../app/errors';
import { graphql } from '../../gql';
import type { ApiKeyScope, ApiKeysSection_ApiKeyFragment } from '../../gql/graphql';
import { useStepUp } from '../security/useStepUp';
import { apiKeyErrorMessage } from './api-key-text';

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeysSection_apiKey
    }
  }
`);

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!, $canReadBankDetails: Boolean!) {
    createApiKey(name: $name, scope: $scope, canReadBankDetails: $canReadBankDetails) {
      apiKey {
        ...ApiKeysSection_apiKey
      }
      secret
    }
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeysSection_apiKey
    }
  }
`);

type ApiKey = ApiKeysSection_ApiKeyFragment;

/**
 * The organisation's API keys, creating one (after a fresh second factor; its secret kept in state only, never
 * in Apollo's cache) and revoking one, with focus following what just happened.
 */
export function useApiKeys() {
  const { data, error, loading, refetch } = useQuery(ApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateApiKeyMutation, { fetchPolicy: 'no-cache' });
  // Creating a key asks for a fresh second factor (a dialog), then creates it.
  const stepUp = useStepUp();
  const [revoke, { loading: revoking }] = useMutation(RevokeApiKeyMutation);

  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('READ');
  const [canReadBankDetails, setCanReadBankDetails] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [createProblem, setCreateProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const [revoking_, setRevokingKey] = useState<ApiKey | null>(null);
  const [revokeOutcome, setRevokeOutcome] = useState<string | null>(null);
  const [revokeProblem, setRevokeProblem] = useState<string | null>(null);

  // Focus follows what just happened: the new secret, the revoke outcome (its button is gone), or the
  // heading once the secret is put away.
  const secretRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusTarget, setFocusTarget] = useState<'secret' | 'outcome' | 'heading' | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const target = { secret: secretRef, outcome: outcomeRef, heading: headingRef }[focusTarget].current;
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (creating) return;
    setCreateProblem(null);
    setRevokeOutcome(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Name the key, e.g. “Payments bot”, so you can tell keys apart.');
      return;
    }
    setNameError(null);
    try {
      const result = await stepUp.run(() => create({ variables: { name: trimmed, scope, canReadBankDetails } }));
      const payload = result.data?.createApiKey;
      if (payload) {
        setCreated({ name: payload.apiKey.name, secret: payload.secret });
        setFocusTarget('secret');
      }
      setName('');
      setScope('READ');
      setCanReadBankDetails(false);
      void refetch().catch(() => undefined);
    } catch (caught) {
      const problem = toUserFacingError(caught);
      if (problem.fields.name) setNameError(problem.fields.name);
      else setCreateProblem(apiKeyErrorMessage(problem));
    }
  };

  const onRevoke = async () => {
    if (!revoking_) return;
    setRevokeProblem(null);
    try {
      await revoke({ variables: { id: revoking_.id } });
      setRevokeOutcome(`Revoked “${revoking_.name}”. Tools using it are refused from now on.`);
      setFocusTarget('outcome');
    } catch (caught) {
      setRevokeProblem(apiKeyErrorMessage(toUserFacingError(caught)));
    } finally {
      setRevokingKey(null);
    }
  };

  return {
    list: { data, error, loading, refetch, keys: data?.apiKeys ?? [] },
    headingRef,
    stepUpDialog: stepUp.dialog,
    /** The new key's secret, shown once. */
    created: {
      value: created,
      ref: secretRef,
      putAway: () => {
        setCreated(null);
        setFocusTarget('heading');
      },
    },
    /** The "Create a key" form. */
    form: {
      name,
      setName,
      nameError,
      scope,
      setScope,
      canReadBankDetails,
      setCanReadBankDetails,
      problem: createProblem,
      creating,
      onSubmit: (event: FormEvent) => void onCreate(event),
    },
    /** Revoking: the key being confirmed, then what happened. */
    revoke: {
      key: revoking_,
      revoking,
      outcome: revokeOutcome,
      outcomeRef,
      problem: revokeProblem,
      ask: (key: ApiKey) => {
        setRevokeOutcome(null);
        setRevokeProblem(null);
        setRevokingKey(key);
      },
      cancel: () => setRevokingKey(null),
      confirm: () => void onRevoke(),
    },
  };
}

export type ApiKeysState = ReturnType<typeof useApiKeys>;
