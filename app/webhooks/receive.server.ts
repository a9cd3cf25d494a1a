import { Prisma, db, type Db } from "../db.server";
import { logger } from "../logger.server";
import { authenticate } from "../shopify.server";
import { PayloadError } from "../privacy/privacy.server";

export interface WebhookDelivery {
  shop: string;
  /** As Shopify names it in X-Shopify-Topic ("products/update"); the library's enum form differs. */
  topic: string;
  payload: unknown;
  eventId: string;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Claims an event id for a shop. False when it was already handled: Shopify retries deliveries
 * and may send one event twice, and the second must change nothing.
 */
export async function claimEvent(
  database: Db,
  shop: string,
  eventId: string,
  topic: string,
): Promise<boolean> {
  try {
    await database.webhookDelivery.create({ data: { shop, eventId, topic } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * The one way webhooks come in: verify the HMAC (the library answers 401 when it is wrong),
 * drop repeats, run the handler, answer. A failing handler releases its claim and answers 500 so
 * that Shopify's retry runs it again; a payload that is not what Shopify documents answers 400.
 */
export async function receiveWebhook(
  request: Request,
  handle: (delivery: WebhookDelivery, database: Db) => Promise<void>,
): Promise<Response> {
  const headerTopic = request.headers.get("x-shopify-topic");
  let context: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    context = await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response) return error;
    logger.warn({ op: "webhook", url: request.url, err: error }, "webhook body is not valid JSON");
    return new Response("Webhook body is not valid JSON", { status: 400 });
  }
  const { shop, payload } = context;
  const topic = headerTopic ?? context.topic;
  const eventId = context.eventId ?? context.webhookId;
  const database = db();
  if (!(await claimEvent(database, shop, eventId, topic))) {
    logger.info({ shop, topic, eventId, op: "webhook" }, "repeated delivery ignored");
    return new Response(null, { status: 200 });
  }
  try {
    await handle({ shop, topic, payload, eventId }, database);
    return new Response(null, { status: 200 });
  } catch (error) {
    await database.webhookDelivery.deleteMany({ where: { shop, eventId } }).catch(() => {});
    if (error instanceof PayloadError) {
      logger.warn(
        { shop, topic, eventId, op: "webhook", err: error.message },
        "webhook payload rejected",
      );
      return new Response(error.message, { status: 400 });
    }
    logger.error({ shop, topic, eventId, op: "webhook", err: error }, "webhook handler failed");
    return new Response("Handler failed; Shopify will retry", { status: 500 });
  }
}
