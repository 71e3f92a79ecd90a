<?php
// Calls Humiao from PHP 8 with the curl extension: screen a line, then minor mode.
//
//   HUMIAO_URL=http://localhost:8080 HUMIAO_KEY=hm_... php humiao_client.php
//
// Prints one line per call, "<call>: <answer JSON>"; exits 1 on an error answer.
declare(strict_types=1);

$url = getenv('HUMIAO_URL') ?: 'http://localhost:8080';
$key = getenv('HUMIAO_KEY'); // a platform key: it acts for its own platform

/** An error answer: branch on $apiCode (stable), wait $retryAfter seconds on 429 and 503. */
final class HumiaoError extends RuntimeException
{
    public function __construct(public readonly int $status, public readonly string $apiCode, string $message,
                                public readonly ?string $retryAfter)
    {
        parent::__construct("$status $apiCode: $message");
    }
}

function post(string $url, string $key, string $path, array $body): array
{
    $retryAfter = null;
    $curl = curl_init($url . $path);
    curl_setopt_array($curl, [
        CURLOPT_POST => true,
        CURLOPT_POSTFIELDS => json_encode($body, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR),
        CURLOPT_HTTPHEADER => ["Authorization: Bearer $key", 'Content-Type: application/json'],
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 10,
        CURLOPT_HEADERFUNCTION => function ($curl, string $header) use (&$retryAfter): int {
            if (stripos($header, 'Retry-After:') === 0) {
                $retryAfter = trim(substr($header, strlen('Retry-After:')));
            }
            return strlen($header);
        },
    ]);
    $text = curl_exec($curl);
    if ($text === false) {
        throw new RuntimeException(curl_error($curl));
    }
    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    $answer = json_decode($text, true, 512, JSON_THROW_ON_ERROR);
    if ($status !== 200) {
        throw new HumiaoError($status, $answer['error']['code'], $answer['error']['message'], $retryAfter);
    }
    return $answer;
}

$user = 'player-1';
$session = 'session-' . hrtime(true);
$now = time();
$calls = [
    ['screen', '/v1/text/screen', ['text' => '你个傻*逼', 'scene' => 'chat', 'authorId' => $user]],
    ['authorize', '/v1/play/authorize', ['user' => $user, 'session' => $session]],
    ['heartbeat', '/v1/play/heartbeat', ['user' => $user, 'session' => $session, 'from' => $now - 60, 'to' => $now]],
    // the key makes the check idempotent: a retry with the same key gets the same answer
    ['payment', '/v1/payments/check', ['user' => $user, 'amountFen' => 600, 'key' => "order-$session"]],
];
try {
    foreach ($calls as [$name, $path, $body]) {
        echo $name, ': ', json_encode(post($url, $key, $path, $body), JSON_UNESCAPED_UNICODE), "\n";
    }
} catch (HumiaoError $e) {
    fwrite(STDERR, $e->getMessage() . "\n");
    exit(1);
}
